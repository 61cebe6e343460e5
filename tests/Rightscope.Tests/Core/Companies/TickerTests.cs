using Rightscope.Core.Companies;

namespace Rightscope.Tests.Core.Companies;

public sealed class TickerTests
{
    [Theory]
    [InlineData("aapl", "AAPL")]
    [InlineData(" BRK.B ", "BRK.B")]
    [InlineData("0700   hk", "0700 HK")]
    [InlineData("600519.SS", "600519.SS")]
    [InlineData("ＡＡＰＬ", "AAPL")]
    public void Normalizes_lightly(string text, string expected) => Assert.Equal(expected, Ticker.TryParse(text, out var t) ? t.Value : null);

    [Theory]
    [InlineData("", IdentifierError.Empty)]
    [InlineData("AAPL$", IdentifierError.Characters)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", IdentifierError.Length)]
    public void Refuses(string text, IdentifierError expected)
    {
        Assert.False(Ticker.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }
}
