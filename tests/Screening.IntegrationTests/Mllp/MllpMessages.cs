namespace Screening.IntegrationTests.Mllp;

/// <summary>Messages an interface engine sends, built for the MLLP tests.</summary>
internal static class MllpMessages
{
    public static string Oru(string controlId, string patient, string filler, decimal value = 11.1m) =>
        Feeds.FeedSupport.HemoglobinOru(controlId, patient, filler, value, "2025-01-10");

    public static string Adt(string controlId, string patient, string ackTypes = "") =>
        $"MSH|^~\\&|ADT1|NORTHHOSP|SCREENING|HOSP|20250110120000||ADT^A08^ADT_A01|{controlId}|P|2.5.1{ackTypes}\r" +
        "EVN|A08|20250110120000\r" +
        $"PID|1||{patient}^^^NORTHHOSP^MR||DOE^JOHN||19500101|M\r";

    /// <summary>An ORU asking for enhanced-mode acknowledgements: MSH-15 accept, MSH-16 application.</summary>
    public static string OruEnhanced(string controlId, string patient, string filler, string accept, string application) =>
        Oru(controlId, patient, filler).Replace($"|{controlId}|P|2.5.1\r", $"|{controlId}|P|2.5.1|||{accept}|{application}\r");
}
