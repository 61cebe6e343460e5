using Rightscope.Core.Organizations;

namespace Rightscope.Tests.Core;

public sealed class OrganizationSlugTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("acme")]
    [InlineData("acme-capital-2")]
    [InlineData("2nd-fund")]
    public void Lowercase_letters_digits_and_single_inner_hyphens_are_accepted(string slug)
    {
        Assert.Null(OrganizationSlug.Validate(slug));
    }

    [Fact]
    public void The_longest_allowed_slug_is_accepted_and_one_more_character_is_not()
    {
        Assert.Null(OrganizationSlug.Validate(new string('a', OrganizationSlug.MaxLength)));
        Assert.Equal(SlugProblem.Length, OrganizationSlug.Validate(new string('a', OrganizationSlug.MaxLength + 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_slug_is_reported_as_missing(string? slug)
    {
        Assert.Equal(SlugProblem.Missing, OrganizationSlug.Validate(slug));
    }

    [Fact]
    public void A_single_character_is_too_short()
    {
        Assert.Equal(SlugProblem.Length, OrganizationSlug.Validate("a"));
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme_fund")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("acme--fund")]
    [InlineData("acme fund")]
    [InlineData("acmé")]
    [InlineData("审计")]
    [InlineData("acme/fund")]
    public void Other_characters_and_hyphen_placements_are_rejected(string slug)
    {
        Assert.Equal(SlugProblem.Characters, OrganizationSlug.Validate(slug));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("setup")]
    [InlineData("open-data")]
    [InlineData("healthz")]
    public void Words_that_shadow_routes_are_reserved(string slug)
    {
        Assert.Equal(SlugProblem.Reserved, OrganizationSlug.Validate(slug));
    }

    [Fact]
    public void Every_problem_has_a_description()
    {
        foreach (var problem in Enum.GetValues<SlugProblem>())
        {
            Assert.False(string.IsNullOrWhiteSpace(OrganizationSlug.Describe(problem)));
        }
    }
}
