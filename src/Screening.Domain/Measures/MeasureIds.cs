using Screening.Domain.Screening;

namespace Screening.Domain.Measures;

/// <summary>The stable ids of the quality measures: the HEDIS overlays (clinical-rules §5.4, §9.4) and the three rules.</summary>
public static class MeasureIds
{
    /// <summary>HEDIS OSW — Osteoporosis Screening in Older Women (§5.4).</summary>
    public const string Osw = "osw";
    /// <summary>HEDIS OMW — Osteoporosis Management in Women Who Had a Fracture (§5.4).</summary>
    public const string Omw = "omw";

    /// <summary>Every measure in print order; the rule measures use the rule ids.</summary>
    public static readonly IReadOnlyList<string> All = [Osw, Omw, RuleIds.PersistentAnemia, RuleIds.PersistentHypocalcemia, RuleIds.OverdueDxa];

    /// <summary>OSW/OMW count care given (higher is better); a rule measure counts open findings (lower is better).</summary>
    public static bool HigherIsBetter(string measure) => measure is Osw or Omw;
}
