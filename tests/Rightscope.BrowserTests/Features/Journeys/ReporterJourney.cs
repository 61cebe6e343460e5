using Rightscope.BrowserTests.Infrastructure;

namespace Rightscope.BrowserTests.Features.Journeys;

/// <summary>A person harmed by a product reports it without JavaScript, in either language, and follows up with the receipt.</summary>
public sealed class ReporterJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_a_reporter_sends_a_report_and_follows_it_up_in_both_languages_and_every_step_passes_axe()
    {
        var channel = await JourneySetup.CreateChannelAsync(fixture);
        var keyPages = new KeyPages("reporter");

        // The journey itself, with JavaScript off; every key page is saved in the language the reporter chose.
        await using (var reporterContext = await fixture.NewContextAsync(javaScript: false))
        {
            var reporter = await reporterContext.NewPageAsync();
            foreach (var language in KeyPages.Languages)
            {
                await JourneySetup.SendReportAsync(reporter, channel, language, $"The app shared my location without my consent ({language}).", name => keyPages.ScreenshotAsIsAsync(reporter, name));
            }
        }

        // axe needs script: the same pages, reached the same way, in a context with JavaScript on.
        await using (var axeContext = await fixture.NewContextAsync(javaScript: true))
        {
            var axePage = await axeContext.NewPageAsync();
            foreach (var language in KeyPages.Languages)
            {
                await JourneySetup.SendReportAsync(axePage, channel, language, $"The app kept my location history ({language}).", name => keyPages.AxeAsync(axePage, name));
            }
        }

        keyPages.AssertClean(expectedScreenshots: 6);
    }
}
