using System.CommandLine;
using System.Globalization;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Features.HumanRightsReports;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope export human-rights-report</c>: an organization's published human rights report for a year as
/// Markdown or Word, exactly as the public page shows it (the frozen snapshot).
/// </summary>
public static class HumanRightsReportCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The organization (slug).", Required = true };
        var year = new Option<string>("--year") { Description = "The reporting year, YYYY.", Required = true };
        var format = new Option<string>("--format") { Description = "md or docx.", Required = true };
        format.AcceptOnlyFromAmong("md", "docx");
        var language = new Option<string>("--lang") { Description = "en or zh-Hans (default: en).", DefaultValueFactory = _ => Bilingual.English };
        language.AcceptOnlyFromAmong(Bilingual.English, Bilingual.Chinese);
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output; required for docx)." };
        var command = new Command("human-rights-report", "Export a published human rights report (UNGP Reporting Framework parts A, B and C) as Markdown or DOCX.")
        {
            org, year, format, language, output,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var yearText = parse.GetValue(year)!;
            if (yearText.Length != 4 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var reportYear))
            {
                return io.Fail($"--year: '{yearText}' is not a year in the form YYYY.");
            }

            var docx = parse.GetValue(format) == "docx";
            var target = parse.GetValue(output);
            if (docx && target is null)
            {
                return io.Fail("--out: a DOCX export needs a file to write.");
            }

            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var slug = parse.GetValue(org)!;
            var found = await scope.ServiceProvider.GetRequiredService<PublishedReports>().FindAsync(slug, reportYear, cancellationToken);
            if (found is null)
            {
                return io.Fail($"--org/--year: {slug} has no published human rights report for {reportYear.ToString(CultureInfo.InvariantCulture)}.");
            }

            var outline = ReportOutline.Build(found.Content, parse.GetValue(language)!);
            if (target is null)
            {
                await io.Out.WriteAsync(MarkdownReport.Render(outline));
                await io.Out.FlushAsync(cancellationToken);
                return ExitCodes.Success;
            }

            await using (var stream = target.Create())
            {
                if (docx)
                {
                    DocxReport.Write(outline, stream);
                }
                else
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes(MarkdownReport.Render(outline));
                    await stream.WriteAsync(bytes, cancellationToken);
                }
            }

            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the {reportYear} human rights report of {slug} ({outline.Language}, {found.Content.Issues.Count} salient issue(s)) to {target.FullName}."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
