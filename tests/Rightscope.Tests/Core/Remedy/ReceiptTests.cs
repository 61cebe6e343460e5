using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class ReceiptTests
{
    [Fact]
    public void Generated_receipts_have_16_digits_in_groups_of_four_and_parse_back()
    {
        for (var i = 0; i < 200; i++)
        {
            using var receipt = Receipt.Generate();
            var shown = receipt.FormatForDisplay();

            Assert.Matches(@"^\d{4} \d{4} \d{4} \d{4}$", shown);
            using var parsed = Receipt.Parse(shown);
            Assert.True(parsed.Matches(receipt));
            Assert.Equal(shown, parsed.FormatForDisplay());
        }
    }

    [Fact]
    public void Every_digit_appears_about_equally_often_at_every_position()
    {
        const int count = 4000;
        var perPosition = new int[Receipt.DigitCount, 10];
        for (var i = 0; i < count; i++)
        {
            using var receipt = Receipt.Generate();
            var digits = receipt.FormatForDisplay().Replace(" ", "", StringComparison.Ordinal);
            for (var p = 0; p < Receipt.DigitCount; p++)
            {
                perPosition[p, digits[p] - '0']++;
            }
        }

        // Expected 400 per cell, standard deviation 19: 300..500 fails only for a biased generator.
        for (var p = 0; p < Receipt.DigitCount; p++)
        {
            for (var d = 0; d < 10; d++)
            {
                Assert.InRange(perPosition[p, d], 300, 500);
            }
        }
    }

    [Theory]
    [InlineData("0123456789012345")]
    [InlineData("0123 4567 8901 2345")]
    [InlineData(" 0123-4567-8901-2345 ")]
    [InlineData("0123\u00a04567\u30008901\u20142345")]
    [InlineData("０１２３ ４５６７ ８９０１ ２３４５")]
    public void Parse_accepts_what_people_type(string input)
    {
        Assert.True(Receipt.TryParse(input, out var receipt));
        Assert.Equal("0123 4567 8901 2345", receipt.FormatForDisplay());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("012345678901234")]
    [InlineData("01234567890123456")]
    [InlineData("0123 4567 8901 234x")]
    [InlineData("0123.4567.8901.2345")]
    [InlineData("٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥")]
    [InlineData("+123456789012345")]
    public void Parse_rejects_malformed_input(string? input)
    {
        Assert.False(Receipt.TryParse(input, out _));
        Assert.Throws<FormatException>(() => Receipt.Parse(input!));
    }

    [Fact]
    public void ToString_never_shows_the_digits()
    {
        using var receipt = Receipt.Parse("1111 2222 3333 4444");
        Assert.DoesNotContain("1", receipt.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1111", $"{receipt}", StringComparison.Ordinal);
    }

    [Fact]
    public void Different_receipts_do_not_match()
    {
        using var a = Receipt.Parse("1111 2222 3333 4444");
        using var b = Receipt.Parse("1111 2222 3333 4445");
        Assert.False(a.Matches(b));
    }

    [Fact]
    public void A_disposed_receipt_cannot_be_used_to_derive_a_key()
    {
        var receipt = Receipt.Generate();
        receipt.Dispose();
        Assert.Throws<ObjectDisposedException>(receipt.FormatForDisplay);
        Assert.Throws<ObjectDisposedException>(() => ReporterAccessKey.Derive(receipt, ReporterAccessKey.NewSalt(), TestCost.Cheap));
    }
}
