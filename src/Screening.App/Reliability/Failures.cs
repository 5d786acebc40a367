using System.Net.Sockets;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace Screening.App.Reliability;

/// <summary>
/// Tells a dependency that is not answering (transient: wait and try again, never a reject) from a failure caused by
/// the message (content: isolate it and store a reject). Transient: Npgsql connection failures and timeouts
/// (<see cref="NpgsqlException.IsTransient"/>), PostgreSQL classes 08 (connection), 53 (resources), 57P01–57P03
/// (shutdown, cannot connect now), 40001/40P01 (serialization, deadlock), 3D000 (database missing), 42P01/42703/42883/42501
/// (schema not as expected, privilege revoked), the broker unreachable or a channel lost.
/// </summary>
public static class Failures
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState is "57P01" or "57P02" or "57P03" or "40001" or "40P01" or "3D000"
                        // The database is not in the state this version expects (a table or column missing mid-migration,
                        // a revoked grant): not the message's fault; pause until it is fixed.
                        or "42P01" or "42703" or "42883" or "42501";
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case TimeoutException:
                case IOException: // includes BrokerUnreachableException
                case OperationInterruptedException:
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient)) return true;
        }
        return false;
    }

    /// <summary>Content problems the store reports for one unit (PostgreSQL data exceptions, integrity, program limits).</summary>
    public static bool IsUnstorableContent(Exception exception) =>
        exception is PostgresException { SqlState: var state } && (state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal)
            || state.StartsWith("54", StringComparison.Ordinal))
        || exception is System.Text.EncoderFallbackException or System.Text.DecoderFallbackException;

    /// <summary>Names for logs: type and SQLSTATE, never the message (a database error may quote payload values).</summary>
    public static string Describe(Exception exception) =>
        exception is PostgresException pg ? $"{pg.GetType().Name} {pg.SqlState}"
        : exception.InnerException is PostgresException inner ? $"{exception.GetType().Name} ({inner.SqlState})"
        : exception.GetType().Name;
}
