using Screening.App.Options;

namespace Screening.App.Mllp;

public static class MllpSetup
{
    /// <summary>The MLLP listener and what it needs (publisher with confirms, handler, meter). Options are validated here: every problem listed.</summary>
    public static IServiceCollection AddScreeningMllp(this IServiceCollection services, MllpOptions options, RabbitMqOptions rabbit)
    {
        var problems = rabbit.Problems().Concat(options.Problems()).ToList();
        if (problems.Count > 0) throw new OptionsProblemsException(problems);
        services.AddMetrics();
        services.AddSingleton(options);
        services.AddSingleton(sp => new Hl7v2Publisher(rabbit, options, sp.GetRequiredService<ILogger<Hl7v2Publisher>>()));
        services.AddSingleton<MllpMetrics>();
        services.AddSingleton(sp => new MllpMessageHandler(sp.GetRequiredService<Hl7v2Publisher>(), options, sp.GetRequiredService<MllpMetrics>(),
            TimeProvider.System, sp.GetRequiredService<ILogger<MllpMessageHandler>>()));
        services.AddSingleton<MllpListener>();
        services.AddHostedService(sp => sp.GetRequiredService<MllpListener>());
        return services;
    }
}
