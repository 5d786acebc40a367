using System.Globalization;
using System.Text;

namespace Screening.App.Web.Worklist;

/// <summary>An opaque keyset position: the sort key of the last row shown (no offsets, so deep pages stay fast).</summary>
public sealed record WorklistCursor(int PriorityRank, DateOnly Due, DateTimeOffset OpenedAt, long Id)
{
    public string Encode(string sort)
    {
        var raw = sort switch
        {
            "priority" => $"p|{PriorityRank}|{Due.DayNumber}|{Id}",
            "opened" => $"o|{OpenedAt.UtcTicks}|{Id}",
            _ => $"d|{Due.DayNumber}|{Id}",
        };
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static WorklistCursor? Decode(string text, string sort)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('|');
            long L(int i) => long.Parse(parts[i], CultureInfo.InvariantCulture);
            return (sort, parts[0]) switch
            {
                ("priority", "p") when parts.Length == 4 => new((int)L(1), DateOnly.FromDayNumber((int)L(2)), default, L(3)),
                ("opened", "o") when parts.Length == 3 => new(0, default, new DateTimeOffset(L(1), TimeSpan.Zero), L(2)),
                ("due", "d") when parts.Length == 3 => new(0, DateOnly.FromDayNumber((int)L(1)), default, L(2)),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
