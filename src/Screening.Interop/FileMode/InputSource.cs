namespace Screening.Interop.FileMode;

/// <summary>One file (or Synthea export directory) to read, and the format it is read as.</summary>
public sealed record InputSource(string Path, InputFormat Format);
