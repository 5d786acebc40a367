using System.Text;

namespace Screening.Interop.Formats;

/// <summary>
/// Message bodies as storable text. PostgreSQL text cannot hold NUL and must be valid UTF-8, so a body that is not
/// clean UTF-8 text is kept byte-exact as <c>base64:</c> + Base64 (replay decodes it): a reject never loses its payload
/// and storing it can never fail (which would otherwise redeliver the message forever).
/// </summary>
public static class PayloadText
{
    public const string Base64Prefix = "base64:";
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text if it is valid UTF-8 without NUL, else null.</summary>
    public static string? AsText(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf((byte)0) >= 0) return null;
        try { return Strict.GetString(body); }
        catch (DecoderFallbackException) { return null; }
    }

    public static string Store(ReadOnlySpan<byte> body) => AsText(body) ?? Base64Prefix + Convert.ToBase64String(body);

    /// <summary>The bytes a stored payload stands for.</summary>
    public static byte[] Bytes(string stored) => stored.StartsWith(Base64Prefix, StringComparison.Ordinal) && TryBase64(stored[Base64Prefix.Length..]) is { } bytes
        ? bytes
        : Encoding.UTF8.GetBytes(stored);

    /// <summary>Text from a JSON producer may still contain U+0000, which PostgreSQL rejects: replace it, keep the rest.</summary>
    public static string Clean(string text) => text.Contains('\0') ? text.Replace('\0', '\uFFFD') : text;

    private static byte[]? TryBase64(string text)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }
}
