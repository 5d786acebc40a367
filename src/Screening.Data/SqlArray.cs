using Npgsql;
using NpgsqlTypes;

namespace Screening.Data;

/// <summary>A typed PostgreSQL array parameter (for <c>= ANY($n)</c> and <c>unnest($n::…[])</c> set-based statements).</summary>
public static class SqlArray
{
    public static NpgsqlParameter Of<T>(T[] values, NpgsqlDbType elementType) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | elementType };
}
