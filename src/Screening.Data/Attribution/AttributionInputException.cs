using Screening.Data.Platform;
namespace Screening.Data.Attribution;

/// <summary>Bad input to a team, rule, panel or assignment command: one clear sentence (CLI exit 2, HTTP 400).</summary>
public sealed class AttributionInputException(string message) : Exception(message);
