using System.Security.Cryptography;
using System.Text;
using Screening.Domain.Rules;

namespace Screening.Data.Platform;

/// <summary>
/// The rule set this process screens with (loaded and validated once at start), with the fingerprint of the exact
/// rule file: its version plus a hash of its content, so an edited file whose version was not bumped still makes the
/// incremental screen re-evaluate everyone.
/// </summary>
public sealed record ActiveRules(RuleSet Rules, string Fingerprint)
{
    public string Version => Rules.Version;

    public static ActiveRules FromFile(RuleSet rules, string fileText) =>
        new(rules, rules.Version + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileText)))[..16]);
}
