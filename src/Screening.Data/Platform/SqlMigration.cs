using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Screening.Data.Platform;

/// <summary>
/// One numbered SQL file of <c>migrations/</c> (<c>V0001__core_schema.sql</c>). The checksum is SHA-256 over the
/// text with line endings normalised to LF, so a checkout on Windows does not look like an edit.
/// A file whose first line is <c>-- no-transaction</c> runs outside a transaction (e.g. CREATE INDEX CONCURRENTLY).
/// </summary>
public sealed record SqlMigration(int Version, string Name, string Sql)
{
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n"))));

    public bool InTransaction => !Sql.TrimStart().StartsWith("-- no-transaction", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>V0007__add_thing.sql</c> into version 7, name "add_thing".</summary>
    public static SqlMigration FromFile(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var parts = stem.Split("__", 2);
        if (parts.Length != 2 || parts[0].Length < 2 || parts[0][0] != 'V' || !int.TryParse(parts[0][1..], out var version))
            throw new FormatException($"Migration file '{fileName}' is not named V<number>__<name>.sql");
        return new SqlMigration(version, parts[1], sql);
    }

    /// <summary>The migrations compiled into this assembly, in version order.</summary>
    public static IReadOnlyList<SqlMigration> Embedded()
    {
        var assembly = typeof(SqlMigration).Assembly;
        var list = new List<SqlMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(FromFile(resource["migrations/".Length..], reader.ReadToEnd()));
        }
        var ordered = list.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}");
        return ordered;
    }
}
