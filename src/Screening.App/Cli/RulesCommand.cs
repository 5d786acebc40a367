using System.CommandLine;
using Screening.App.Options;
using Screening.Domain.Rules;

namespace Screening.App.Cli;

public static class RulesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The rule file to check." };
        var validate = new Command("validate", "Check a rule file: every problem with its JSON path and reason; exit 1 if any.") { file };
        validate.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"{path}: no such file"); return 2; }
            var (rules, problems) = RuleFile.Parse(File.ReadAllText(path));
            foreach (var p in problems) Console.WriteLine($"{path}: {p.Path}: {p.Reason}");
            if (rules is null || problems.Count > 0) { Console.WriteLine($"{problems.Count} problem(s)."); return 1; }
            Console.WriteLine($"{path}: valid, rule set version {rules.Version}.");
            return 0;
        });
        var rulesPath = new Option<string?>("--rules") { Description = "Show this file instead of the active one." };
        var show = new Command("show", "Print the active rule set: every parameter with its value and source.") { rulesPath };
        show.SetAction(parse => CliExecution.RunAsync(() =>
        {
            var options = new RulesOptions();
            if (parse.GetValue(rulesPath) is { } p) options.Path = p;
            Console.WriteLine(Hosting.RulesSetup.Load(options).Rules.Describe());
            return Task.FromResult(0);
        }));
        return new Command("rules", "Inspect and check rule files (rules are data: seeds/rules.json).") { validate, show };
    }
}
