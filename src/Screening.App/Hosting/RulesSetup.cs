using Screening.App.Options;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.Domain.Rules;

namespace Screening.App.Hosting;

public static class RulesSetup
{
    /// <summary>Loads and validates the rule file once at start; every problem is reported with its JSON path.</summary>
    public static IServiceCollection AddScreeningRules(this IServiceCollection services, RulesOptions rules)
    {
        services.AddSingleton(Load(rules));
        return services;
    }

    public static ActiveRules Load(RulesOptions options)
    {
        var path = options.Resolve();
        if (!File.Exists(path)) throw new OptionsProblemsException([$"Rules:Path: rule file '{path}' does not exist."]);
        var text = File.ReadAllText(path);
        var (rules, problems) = RuleFile.Parse(text);
        if (rules is null || problems.Count > 0)
            throw new OptionsProblemsException(problems.Select(p => $"{path}: {p.Path}: {p.Reason}").ToList());
        return ActiveRules.FromFile(rules, text);
    }
}
