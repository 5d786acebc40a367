using Screening.Domain.Results;

namespace Screening.Domain.Catalog;

/// <summary>One chart of the patient page: an analyte over time, its title, and whether it is drawn when empty.</summary>
public sealed record ChartLine(Analyte Analyte, string Title, bool ShownWhenEmpty);
