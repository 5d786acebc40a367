using Npgsql;
using NpgsqlTypes;

namespace Screening.Data.Platform;

/// <summary>A typed PostgreSQL array parameter (for <c>= ANY($n)</c> and <c>unnest($n::…[])</c> set-based statements).</summary>
public static class SqlArray
{
    /// <summary>A generic parameter: Npgsql writes the array without boxing it and resolves its converter once.</summary>
    public static NpgsqlParameter Of<T>(T[] values, NpgsqlDbType elementType) =>
        new NpgsqlParameter<T[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | elementType };
}
