namespace Screening.Domain.Results;

/// <summary>FHIR observation-status spellings of <see cref="ResultStatus"/> (clinical-rules §7).</summary>
public static class ResultStatusNames
{
    public static ResultStatus? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "final" => ResultStatus.Final,
        "amended" => ResultStatus.Amended,
        "corrected" => ResultStatus.Corrected,
        "preliminary" => ResultStatus.Preliminary,
        "registered" => ResultStatus.Registered,
        "cancelled" => ResultStatus.Cancelled,
        "entered-in-error" => ResultStatus.EnteredInError,
        "unknown" => ResultStatus.Unknown,
        _ => null,
    };

    public static string Of(ResultStatus status) => status switch
    {
        ResultStatus.Final => "final",
        ResultStatus.Amended => "amended",
        ResultStatus.Corrected => "corrected",
        ResultStatus.Preliminary => "preliminary",
        ResultStatus.Registered => "registered",
        ResultStatus.Cancelled => "cancelled",
        ResultStatus.EnteredInError => "entered-in-error",
        _ => "unknown",
    };
}
