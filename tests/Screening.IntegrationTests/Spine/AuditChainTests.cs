using Npgsql;
using Screening.Data.Audit;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Spine;

/// <summary>The audit log cannot be edited by the application, and an edit made around it is detected (issue 16, V0016).</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private IsolatedServers servers = null!;
    public async Task InitializeAsync() => servers = await IsolatedServers.CreateAsync();
    public Task DisposeAsync() => servers.DisposeAsync();

    private Task WriteAsync(int i) => AuditLog.RecordAsync(servers.DataSource, $"user{i % 3}", "task.view", "outreach_task", i.ToString(), i % 2 == 0 ? i : null,
        new { note = $"é ü {i}", n = i }, CancellationToken.None);

    [IntegrationFact]
    public async Task The_application_role_cannot_update_delete_or_truncate_audit_events()
    {
        await WriteAsync(1);
        foreach (var sql in new[] { "UPDATE audit_event SET actor = 'someone-else'", "DELETE FROM audit_event", "TRUNCATE audit_event" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => servers.DataSource.Count(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        Assert.Equal("user1", await servers.DataSource.Scalar<string>("SELECT actor FROM audit_event"));
    }

    [IntegrationFact]
    public async Task Concurrent_writers_build_one_unbroken_chain_and_an_edited_row_is_detected()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(WriteAsync));
        var intact = await AuditChain.VerifyAsync(servers.DataSource, CancellationToken.None);
        Assert.True(intact.Intact, intact.Problem);
        Assert.Equal(40, intact.RowsVerified);

        // The owner (or a superuser) goes around the guard: switch the trigger off, grant itself UPDATE, edit one row.
        var edited = await servers.DataSource.Scalar<long>("SELECT id FROM audit_event WHERE chain_seq = 17");
        await servers.DataSource.Count("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
        await servers.DataSource.Count("GRANT UPDATE ON audit_event TO CURRENT_USER");
        await servers.DataSource.Count("UPDATE audit_event SET actor = 'nobody' WHERE id = $1", edited);

        var broken = await AuditChain.VerifyAsync(servers.DataSource, CancellationToken.None);
        Assert.False(broken.Intact);
        Assert.Equal((17L, edited, 16L), (broken.BrokenSeq!.Value, broken.BrokenId!.Value, broken.RowsVerified));
    }

    [IntegrationFact]
    public async Task Screening_audit_verify_exits_0_on_an_intact_chain_and_1_naming_the_edited_row()
    {
        for (var i = 0; i < 3; i++) await WriteAsync(i);
        var (intact, said) = await CliAsync("audit", "verify");
        Assert.True(intact == 0, said);
        Assert.Contains("Audit chain intact: 3 rows", said);

        await servers.DataSource.Count("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
        await servers.DataSource.Count("GRANT UPDATE ON audit_event TO CURRENT_USER");
        await servers.DataSource.Count("UPDATE audit_event SET detail = '{\"n\": 99}' WHERE chain_seq = 2");
        var (broken, complaint) = await CliAsync("audit", "verify");
        Assert.Equal(1, broken);
        Assert.Contains("BROKEN at chain_seq 2", complaint);
    }

    /// <summary>Runs the real `screening` executable against this test's database; exit code and everything it wrote.</summary>
    private async Task<(int ExitCode, string Output)> CliAsync(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "screening.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["SCREENING_DB"] = servers.ConnectionString;
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [IntegrationFact]
    public async Task A_deleted_row_is_detected()
    {
        for (var i = 0; i < 5; i++) await WriteAsync(i);
        await servers.DataSource.Count("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
        await servers.DataSource.Count("GRANT DELETE ON audit_event TO CURRENT_USER");
        await servers.DataSource.Count("DELETE FROM audit_event WHERE chain_seq = 3");
        var broken = await AuditChain.VerifyAsync(servers.DataSource, CancellationToken.None);
        Assert.Equal(4L, broken.BrokenSeq);
        Assert.Contains("deleted", broken.Problem);
    }
}
