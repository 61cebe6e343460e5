using Microsoft.Playwright;

namespace Rightscope.BrowserTests.Infrastructure;

/// <summary>
/// Full-page screenshots kept as test artifacts: <c>screenshots/&lt;persona&gt;/&lt;page&gt;.&lt;lang&gt;.png</c> under
/// <c>RIGHTSCOPE_ARTIFACTS</c> when set, otherwise under <c>TestResults</c> in the test output directory.
/// </summary>
public static class Screenshots
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string Directory
    {
        get
        {
            var artifacts = Environment.GetEnvironmentVariable("RIGHTSCOPE_ARTIFACTS");
            var root = string.IsNullOrWhiteSpace(artifacts) ? Path.Combine(AppContext.BaseDirectory, "TestResults") : artifacts;
            return Path.Combine(root, "screenshots");
        }
    }

    /// <summary>Saves the whole page and fails unless a non-empty PNG was written, so the artifact cannot silently go missing.</summary>
    public static async Task<string> SaveAsync(IPage page, string persona, string pageName, string language)
    {
        var path = Path.Combine(Directory, persona, $"{pageName}.{language}.png");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var file = new FileInfo(path);
        Assert.True(file.Exists, $"no screenshot was written at {path}");
        Assert.True(file.Length > PngSignature.Length, $"the screenshot {path} is empty");
        var head = new byte[PngSignature.Length];
        await using (var stream = file.OpenRead())
        {
            await stream.ReadExactlyAsync(head);
        }

        Assert.True(head.AsSpan().SequenceEqual(PngSignature), $"the screenshot {path} is not a PNG");
        return path;
    }
}
