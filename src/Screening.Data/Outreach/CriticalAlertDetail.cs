using Screening.Data.Platform;
namespace Screening.Data.Outreach;

/// <summary>The detail of a <c>critical</c> task event (announced as CriticalResultDetected): the severe value.</summary>
public sealed record CriticalAlertDetail(string Analyte, decimal Value, string Unit, DateOnly CollectedOn);
