using System.Globalization;
using RabbitMQ.Client;

namespace Screening.IntegrationTests.Feeds;

/// <summary>Fixture files (tests/fixtures, found from the test binary upwards) and a raw-bytes AMQP publisher.</summary>
internal static class FeedSupport
{
    public static string Fixture(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Screening.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("Screening.sln not found above the test binaries");
        return Path.Combine([directory.FullName, "tests", "fixtures", .. parts]);
    }

    public static string Text(params string[] parts) => File.ReadAllText(Fixture(parts));

    /// <summary>Publishes bytes as an interface engine would: no envelope, persistent, publisher confirms.</summary>
    public static async Task PublishAsync(string amqpUrl, string exchange, byte[] body, string? contentType = null)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(exchange, "", mandatory: true, properties, body);
    }

    public static Task PublishAsync(string amqpUrl, string exchange, string body, string? contentType = null) =>
        PublishAsync(amqpUrl, exchange, System.Text.Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>A one-result ORU^R01 of our own (hemoglobin in g/dL), with the identity fields a lab keeps across versions.</summary>
    public static string HemoglobinOru(string controlId, string patient, string filler, decimal value, string day, string status = "F") =>
        string.Join('\r',
            $"MSH|^~\\&|LIS|NORTHLAB|SCREENING|HOSP|{day.Replace("-", "")}1200||ORU^R01|{controlId}|P|2.5.1",
            $"PID|1||{patient}^^^NORTHLAB^MR||DOE^JANE||19800301|F",
            $"OBR|1|PL-{filler}|{filler}|58410-2^CBC panel^LN|||{day.Replace("-", "")}0900",
            $"OBX|1|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||{value.ToString(CultureInfo.InvariantCulture)}|g/dL|12.0-16.0|L|||{status}|||{day.Replace("-", "")}0900-0500") + "\r";
}
