using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class RecoveryKeyTests
{
    [Fact]
    public void Display_form_is_eight_groups_of_four_and_parses_back_leniently()
    {
        for (var i = 0; i < 100; i++)
        {
            using var key = RecoveryKey.Generate();
            var shown = key.FormatForDisplay();

            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$", shown);
            using var parsed = RecoveryKey.Parse(" " + shown.ToLowerInvariant().Replace('-', ' ').Replace('0', 'o').Replace('1', 'l'));
            Assert.Equal(shown, parsed.FormatForDisplay());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-A")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678U")]
    public void Parse_rejects_wrong_length_or_letters(string input) =>
        Assert.False(RecoveryKey.TryParse(input, out _));

    [Fact]
    public void ToString_is_redacted()
    {
        using var key = RecoveryKey.Generate();
        Assert.DoesNotContain(key.FormatForDisplay()[..4], key.ToString(), StringComparison.Ordinal);
    }
}
