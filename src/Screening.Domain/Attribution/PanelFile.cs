namespace Screening.Domain.Attribution;

/// <summary>
/// A panel file: CSV lines <c>identifier,team</c>, where the identifier is <c>system|value</c> (the issuing system and
/// the patient's id in it), or a bare <c>value</c> when a default system is given for the whole file. An optional header
/// line (<c>identifier,team</c>), blank lines and <c>#</c> comments are skipped. A bare value without a default system
/// is a problem, never a guess: two systems may both use "14" for different people.
/// </summary>
public static class PanelFile
{
    public sealed record Line(int Number, PatientIdentifier Identifier, string Team);

    public static (IReadOnlyList<Line> Lines, IReadOnlyList<string> Problems) Parse(string text, string? defaultSystem)
    {
        var lines = new List<Line>();
        var problems = new List<string>();
        var seen = new Dictionary<PatientIdentifier, int>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (lines.Count == 0 && problems.Count == 0 && fields.Length == 2 && fields[1].Equals("team", StringComparison.OrdinalIgnoreCase)) continue;
            if (fields.Length != 2) { problems.Add($"line {number}: expected 'identifier,team', found {fields.Length} field(s)."); continue; }
            var (id, team) = (fields[0], fields[1]);
            var bar = id.IndexOf('|');
            var system = bar >= 0 ? id[..bar].Trim() : defaultSystem?.Trim();
            var value = bar >= 0 ? id[(bar + 1)..].Trim() : id;
            if (string.IsNullOrEmpty(system))
                problems.Add($"line {number}: identifier '{Clip(id)}' has no issuing system; write system|value or give a default system.");
            else if (value.Length == 0 || value.Length > 200 || system.Length > 200)
                problems.Add($"line {number}: identifier '{Clip(id)}' is empty or too long.");
            else if (!CareTeamAttribution.IsValidTeamId(team) || team == CareTeamAttribution.Unassigned)
                problems.Add($"line {number}: '{Clip(team)}' is not a team id.");
            else
            {
                var identifier = new PatientIdentifier(system, value);
                if (seen.TryGetValue(identifier, out var first))
                    problems.Add($"line {number}: {system}|… is already on line {first}.");
                else
                {
                    seen[identifier] = number;
                    lines.Add(new Line(number, identifier, team));
                }
            }
        }
        if (lines.Count == 0 && problems.Count == 0) problems.Add("the panel file has no lines.");
        return (lines, problems);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
