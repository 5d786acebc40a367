namespace Screening.App.Cli;

public enum OutputFormat { Table, Csv, Json }
