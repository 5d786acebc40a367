using Screening.App.Cli;
using Screening.App.Options;

namespace Screening.IntegrationTests.Web;

/// <summary>`users token NAME --expires …`: a lifetime in days or hours (no servers needed).</summary>
public sealed class TokenLifetimeTests
{
    [Theory]
    [InlineData("30d", 30 * 24)]
    [InlineData("12h", 12)]
    [InlineData("3650d", 3650 * 24)]
    public void A_token_lifetime_is_written_in_days_or_hours(string text, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), UsersCommand.ParseLifetime(text));

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("0d")]
    [InlineData("30")]
    [InlineData("3651d")]
    [InlineData("-5d")]
    public void A_lifetime_that_is_not_a_positive_count_of_days_or_hours_is_refused(string text) =>
        Assert.Throws<OptionsProblemsException>(() => UsersCommand.ParseLifetime(text));
}
