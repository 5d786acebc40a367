using Npgsql;
using Screening.Data.Screen;
using Screening.Data.Platform;
using Screening.Domain.Measures;
using Screening.Domain.Rules;

namespace Screening.Data.Measures;

/// <summary>
/// The quality measures of the stored population as of one or more dates, per care team and overall: patients are
/// streamed in key pages (<see cref="PatientKeyPage"/>, one page in memory) inside one read-only
/// <c>REPEATABLE READ</c> transaction (one consistent snapshot, nothing written). <c>teams</c> null = every team.
/// </summary>
public sealed class PopulationMeasures(NpgsqlDataSource dataSource)
{
    public int BatchSize { get; init; } = 2000;

    public async Task<IReadOnlyList<MeasureRate>> RunAsync(RuleSet rules, IReadOnlyList<DateOnly> asOfDates, string[]? teams, CancellationToken ct)
    {
        var measures = rules.Measures ?? throw new InvalidOperationException($"Rule set {rules.Version} has no measures section.");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await ReadOnlySnapshot.BeginAsync(connection, ct);

        var tally = new MeasureTally();
        var wanted = teams is null ? null : new HashSet<string>(teams, StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var keys = await PatientKeyPage.NextAsync(connection, tx, after, BatchSize, ct);
            if (keys.Length == 0) break;
            after = keys[^1];
            var records = await PatientRecordLoader.LoadRangeAsync(connection, tx, keys[0], keys[^1], ct);
            foreach (var record in records.Values)
            {
                var team = record.Patient.CareTeam ?? Domain.Attribution.CareTeamAttribution.Unassigned;
                if (wanted is not null && !wanted.Contains(team)) continue;
                foreach (var asOf in asOfDates) tally.Add(asOf, team, QualityMeasures.Evaluate(record, rules, measures, asOf));
            }
        }
        await tx.RollbackAsync(ct);
        return tally.Rates(asOfDates);
    }
}
