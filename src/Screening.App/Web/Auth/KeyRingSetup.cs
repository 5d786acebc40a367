using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Screening.App.Web.Auth;

/// <summary>
/// Data Protection (cookie and antiforgery encryption) with its key ring in PostgreSQL, shared by every web instance, and
/// each key encrypted at rest with the certificate of Web:KeyCertificatePath (PFX with Web:KeyCertificatePassword, or PEM
/// with Web:KeyCertificateKeyPath) — a copy of the table without the certificate cannot forge or read cookies.
/// </summary>
public static class KeyRingSetup
{
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services, WebOptions options)
    {
        var builder = services.AddDataProtection().SetApplicationName("screening");
        services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((o, db) => o.XmlRepository = new PostgresKeyRepository(db));
        if (LoadCertificate(options) is { } certificate)
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return services;
    }

    public static X509Certificate2? LoadCertificate(WebOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.KeyCertificatePath)) return null;
        var certificate = options.KeyCertificateKeyPath is { Length: > 0 } keyPath
            ? X509Certificate2.CreateFromPemFile(options.KeyCertificatePath, keyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(options.KeyCertificatePath, options.KeyCertificatePassword);
        if (!certificate.HasPrivateKey) throw new Options.OptionsProblemsException([$"Web:KeyCertificatePath '{options.KeyCertificatePath}' has no private key."]);
        return certificate;
    }
}
