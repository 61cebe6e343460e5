using Rightscope.Core.Methodologies.Loading;
using static Rightscope.Tests.Core.Methodologies.Fixtures;

namespace Rightscope.Tests.Core.Methodologies;

/// <summary>Whatever a user uploads, the loader answers with errors, never an exception.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Documents => new(Methodology, Reference);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Removing_any_one_line_gives_errors_or_a_methodology_never_an_exception(string document)
    {
        var lines = document.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var yaml = string.Join('\n', lines.Where((_, index) => index != i));
            AssertWellFormed(MethodologyLoader.Parse(yaml, "cut.yaml"), lines.Length);
            AssertWellFormed(ReferenceCatalogLoader.Parse(yaml, "cut.yaml"), lines.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Truncating_the_file_anywhere_gives_errors_never_an_exception(string document)
    {
        for (var length = 0; length < document.Length; length += 7)
        {
            AssertWellFormed(MethodologyLoader.Parse(document[..length], "cut.yaml"), document.Split('\n').Length);
        }
    }

    [Fact]
    public void Aliases_are_rejected_on_their_line()
    {
        var yaml = """
            a: &lol ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
            b: &lol2 [*lol, *lol, *lol, *lol, *lol, *lol, *lol, *lol, *lol]
            """;

        var error = Assert.Single(Errors(yaml));

        Assert.Equal(2, error.Line);
        Assert.Contains("aliases (*lol) are not supported", error.Message, StringComparison.Ordinal);
    }

    private static void AssertWellFormed<T>(LoadResult<T> result, int lineCount) where T : class
    {
        Assert.Equal(result.Value is null, result.Errors.Count > 0);
        Assert.All(result.Errors, error =>
        {
            Assert.Equal("cut.yaml", error.File);
            Assert.InRange(error.Line, 1, lineCount + 1);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        });
    }
}
