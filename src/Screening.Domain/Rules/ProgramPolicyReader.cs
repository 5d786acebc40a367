namespace Screening.Domain.Rules;

/// <summary>Reads a <c>programPolicyDxa</c> object and insists its text carries the program-policy label (§0).</summary>
internal static class ProgramPolicyReader
{
    public static ProgramPolicyDxa Read(JsonSection parent)
    {
        var section = parent.Object("programPolicyDxa");
        if (section is null) return new ProgramPolicyDxa(false, 0, 0, string.Empty);
        var enabled = section.Bool("enabled");
        var minAge = section.Int("minAgeYears", 18, 130);
        var months = section.Int("noDxaWithinMonths", 1, 240);
        var text = section.Text("text");
        if (text.Length > 0 && !text.Contains(ProgramPolicyDxa.RequiredLabel, StringComparison.Ordinal))
            parent.Reader.Problem(section.At("text"), $"must say \"{ProgramPolicyDxa.RequiredLabel}\" (clinical-rules §0)");
        section.Finish();
        return new ProgramPolicyDxa(enabled, minAge, months, text);
    }
}
