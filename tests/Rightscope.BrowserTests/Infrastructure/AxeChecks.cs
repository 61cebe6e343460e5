using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Rightscope.BrowserTests.Infrastructure;

/// <summary>axe-core on the current page (needs a context with JavaScript enabled).</summary>
public static class AxeChecks
{
    /// <summary>One line per serious or critical violation: page, rule, help and the offending nodes.</summary>
    public static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page)
    {
        AxeResult results;
        try
        {
            results = await page.RunAxe().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // axe never answers in a context with JavaScript disabled; without this the test hangs with no message.
            throw new InvalidOperationException($"axe did not answer within 60 s on {page.Url}: run it in a context with JavaScript enabled.");
        }

        return results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl}) at {Targets(v)}");
    }

    private static string Targets(AxeResultItem violation) =>
        string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString() ?? n.Html));
}
