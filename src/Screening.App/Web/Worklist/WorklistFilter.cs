using System.Globalization;
using System.Text;
using Screening.Domain.Codes;
using Screening.Domain.Screening;

namespace Screening.App.Web.Worklist;

/// <summary>The worklist's filter, sort and page position, read from the query string (pages, CSV and API alike).</summary>
public sealed record WorklistFilter(string? Rule, string Status, string? Priority, DateOnly? DueFrom, DateOnly? DueTo, string? Team,
    string Sort, string? After, int PageSize)
{
    public static readonly string[] Statuses = ["open-all", .. TaskStatuses.All, "all"];
    public static readonly string[] Priorities = [.. Domain.Codes.Priorities.Codes];
    public static readonly string[] Sorts = ["due", "priority", "opened"];
    public static readonly string[] Rules = [.. RuleIds.All];

    public static (WorklistFilter Filter, List<string> Problems) Parse(IQueryCollection q, int defaultPageSize)
    {
        var problems = new List<string>();
        string? Pick(string key, string[] allowed)
        {
            var value = q[key].ToString();
            if (value.Length == 0) return null;
            if (allowed.Contains(value)) return value;
            problems.Add($"{key} must be one of: {string.Join(", ", allowed)}.");
            return null;
        }
        DateOnly? Date(string key)
        {
            var value = q[key].ToString();
            if (value.Length == 0) return null;
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems.Add($"{key} must be a date YYYY-MM-DD.");
            return null;
        }
        var size = defaultPageSize;
        if (q["pageSize"].ToString() is { Length: > 0 } text && (!int.TryParse(text, CultureInfo.InvariantCulture, out size) || size is < 1 or > 500))
        {
            problems.Add("pageSize must be 1..500.");
            size = defaultPageSize;
        }
        var team = q["team"].ToString();
        if (team.Length > 64) { problems.Add("team is too long."); team = ""; }
        var filter = new WorklistFilter(Pick("rule", Rules), Pick("status", Statuses) ?? "open-all", Pick("priority", Priorities),
            Date("dueFrom"), Date("dueTo"), team.Length == 0 ? null : team, Pick("sort", Sorts) ?? "due", NullIfEmpty(q["after"]), size);
        if (filter.After is not null && WorklistCursor.Decode(filter.After, filter.Sort) is null) problems.Add("after is not a cursor of this sort.");
        return (filter, problems);
    }

    /// <summary>The query string of this filter (without the cursor unless asked), for links, CSV and next-page.</summary>
    public string ToQuery(string? after = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}"); }
        Add("rule", Rule); Add("status", Status == "open-all" ? null : Status); Add("priority", Priority);
        Add("dueFrom", DueFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); Add("dueTo", DueTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("team", Team); Add("sort", Sort == "due" ? null : Sort); Add("after", after);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>Human-readable summary of the filter for headings.</summary>
    public string Describe()
    {
        var sb = new StringBuilder(Status == "open-all" ? "open tasks" : Status + " tasks");
        if (Rule is not null) sb.Append(" · ").Append(Rule);
        if (Priority is not null) sb.Append(" · ").Append(Priority);
        if (Team is not null) sb.Append(" · team ").Append(Team);
        return sb.ToString();
    }
}
