namespace Screening.Domain.Identity;

/// <summary>
/// An identifier as its issuing system knows it. Two identifiers are the same when system and value are equal
/// (ordinal, after trimming); the type (MR, PI, SS…) describes it but does not take part in matching.
/// </summary>
public readonly record struct PatientIdentifier
{
    public PatientIdentifier(string system, string value, string? type = null)
    {
        System = system.Trim();
        Value = value.Trim();
        Type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();
    }

    public string System { get; }
    public string Value { get; }
    public string? Type { get; }

    /// <summary>The matching key (type excluded).</summary>
    public (string System, string Value) Key => (System, Value);

    public bool Equals(PatientIdentifier other) => System == other.System && Value == other.Value;
    public override int GetHashCode() => HashCode.Combine(System, Value);
    public override string ToString() => $"{System}|{Value}";
}
