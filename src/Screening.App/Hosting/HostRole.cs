namespace Screening.App.Hosting;

/// <summary>What a verb needs from the host: each role adds only its concerns (and validates only their options).</summary>
[Flags]
public enum HostRole
{
    Database = 1,
    Rules = 2,
    Publisher = 4,
    Consumers = 8,
    Scheduler = 16,
    Ingest = 32,

    Migrate = Database,
    Query = Database,
    Screen = Database | Rules | Publisher,
    Worker = Database | Rules | Publisher | Consumers | Scheduler | Ingest,
    Demo = Database | Rules | Publisher | Consumers | Ingest,
}
