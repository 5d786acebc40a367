using NetArchTest.Rules;
using Screening.App.Hosting;
using Screening.Data.Platform;
using Screening.Domain.Rules;
using Screening.Interop.Formats;

namespace Screening.IntegrationTests.Architecture;

/// <summary>
/// The map of docs/architecture.md, enforced: the domain references nothing; the back-end slices depend on each other
/// only downwards (Platform ← Outreach ← Screen ← Ingest ← Rejects; Worklist on Platform alone); persistence reaches the
/// parsers only through the one format-reader entry point; the messaging and scheduling hosts call slices, never SQL.
/// No servers are needed.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Data = "Screening.Data";
    private static readonly string[] Readers =
        ["Screening.Interop.Hl7v2", "Screening.Interop.Fhir", "Screening.Interop.Csv", "Screening.Interop.Ndjson", "Screening.Interop.Synthea"];

    [Fact]
    public void The_domain_references_nothing_but_the_runtime()
    {
        var assembly = typeof(RuleSet).Assembly;
        Assert.All(assembly.GetReferencedAssemblies(), a => Assert.True(a.Name is "System.Runtime" or "System.Collections" or "System.Linq"
            || a.Name!.StartsWith("System.", StringComparison.Ordinal), $"the domain references {a.Name}"));
        AssertHolds(Types.InAssembly(assembly).ShouldNot()
            .HaveDependencyOnAny("Screening.Contracts", "Screening.Interop", "Screening.Data", "Screening.App", "Npgsql", "Microsoft.Extensions", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MassTransit")
            .GetResult());
    }

    [Fact]
    public void Parsers_know_nothing_of_persistence_and_persistence_nothing_of_hosts()
    {
        AssertHolds(Types.InAssembly(typeof(PayloadReader).Assembly).ShouldNot().HaveDependencyOnAny(Data, "Screening.App", "Npgsql").GetResult());
        AssertHolds(Types.InAssembly(typeof(ScreeningDb).Assembly).ShouldNot().HaveDependencyOnAny("Screening.App", "MassTransit", "Quartz").GetResult());
    }

    [Theory]
    [InlineData("Platform", new[] { "Audit", "Ingest", "Outreach", "Rejects", "Screen", "Worklist" })]
    [InlineData("Worklist", new[] { "Audit", "Ingest", "Outreach", "Rejects", "Screen" })]
    [InlineData("Outreach", new[] { "Audit", "Ingest", "Rejects", "Screen", "Worklist" })]
    [InlineData("Screen", new[] { "Audit", "Ingest", "Rejects", "Worklist" })]
    [InlineData("Ingest", new[] { "Audit", "Rejects", "Worklist" })]
    [InlineData("Rejects", new[] { "Screen", "Outreach", "Worklist" })]
    public void A_slice_depends_only_on_the_slices_below_it(string slice, string[] above)
        => AssertHolds(Types.InAssembly(typeof(ScreeningDb).Assembly).That().ResideInNamespace($"{Data}.{slice}")
            .ShouldNot().HaveDependencyOnAny(above.Select(a => $"{Data}.{a}").ToArray()).GetResult());

    [Fact]
    public void Persistence_reads_payloads_only_through_the_format_reader_entry_point()
        => AssertHolds(Types.InAssembly(typeof(ScreeningDb).Assembly).ShouldNot().HaveDependencyOnAny(Readers).GetResult());

    [Fact]
    public void The_messaging_and_scheduling_hosts_call_slices_and_never_sql_or_a_reader()
        => AssertHolds(Types.InAssembly(typeof(HostRole).Assembly).That()
            .ResideInNamespace("Screening.App.Messaging").Or().ResideInNamespace("Screening.App.Scheduling")
            .ShouldNot().HaveDependencyOnAny([.. Readers, "Npgsql", "Microsoft.EntityFrameworkCore"]).GetResult());

    private static void AssertHolds(TestResult result) =>
        Assert.True(result.IsSuccessful, "violated by: " + string.Join(", ", result.FailingTypeNames ?? []));
}
