using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;

namespace Rightscope.Cli;

/// <summary><c>rightscope methodology validate|list|show|add</c>.</summary>
public static class MethodologyCommands
{
    private const string ReferenceFormat = "rightscope/reference@1";

    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var methodology = new Command("methodology", "Validate, list, show and add methodologies (docs/methodology-format.md).");
        methodology.Subcommands.Add(Validate(io));
        methodology.Subcommands.Add(List(io, configuration));
        methodology.Subcommands.Add(Show(io, configuration));
        methodology.Subcommands.Add(Add(io, configuration));
        return methodology;
    }

    private static Option<string?> OrgOption(string description) => new("--org") { Description = description };

    private static Option<string> LanguageOption() => new("--lang")
    {
        Description = "Language of titles: en or zh-Hans.",
        DefaultValueFactory = _ => "en",
    };

    private static Command Validate(CliIo io)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Methodology or reference catalog files (YAML).", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--require-all-languages") { Description = "Require every text in both en and zh-Hans, as for the shipped catalog." };
        var command = new Command("validate", "Check files against the format; print every problem as FILE:LINE: KEY: message.") { files, strict };
        command.SetAction(parse => RightscopeCli.Guarded(io, () =>
        {
            var failed = false;
            foreach (var file in parse.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    io.Error.WriteLine($"{file.FullName}: the file does not exist");
                    failed = true;
                    continue;
                }

                var text = File.ReadAllText(file.FullName);
                var (errors, description) = text.Contains(ReferenceFormat, StringComparison.Ordinal)
                    ? Describe(ReferenceCatalogLoader.Parse(text, file.Name), r => $"reference catalog {r.Key}@{r.Version}, {r.Entries.Count} entries")
                    : Describe(MethodologyLoader.Parse(text, file.Name, parse.GetValue(strict)), m => $"methodology {m.Id}, {Counts(m)}");
                if (errors.Count > 0)
                {
                    failed = true;
                    foreach (var error in errors)
                    {
                        io.Error.WriteLine(error.ToString());
                    }
                }
                else
                {
                    io.Out.WriteLine($"{file.Name}: valid {description}");
                }
            }

            return Task.FromResult(failed ? ExitCodes.Failure : ExitCodes.Success);
        }));
        return command;
    }

    private static Command List(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = OrgOption("Also list the methodologies this organization added (slug).");
        var language = LanguageOption();
        var command = new Command("list", "List methodologies: key, version, origin, structure counts and title.") { org, language };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            await using var session = await Session.OpenAsync(configuration, parse.GetValue(org), io, cancellationToken);
            if (session is null)
            {
                return ExitCodes.Failure;
            }

            var available = await session.AvailableAsync(cancellationToken);
            var lang = parse.GetValue(language)!;
            var rows = available.Select(a => (a.Methodology.Key, a.Methodology.Version, Origin: a.Shipped ? "shipped" : "organization", Counts: Counts(a.Methodology), Title: a.Methodology.Title.In(lang))).ToList();
            var keyWidth = Math.Max(3, rows.Max(r => r.Key.Length));
            var countWidth = Math.Max(6, rows.Max(r => r.Counts.Length));
            io.Out.WriteLine($"{"KEY".PadRight(keyWidth)}  {"VERSION",-8}  {"ORIGIN",-12}  {"STRUCTURE".PadRight(countWidth)}  TITLE");
            foreach (var row in rows)
            {
                io.Out.WriteLine($"{row.Key.PadRight(keyWidth)}  {row.Version,-8}  {row.Origin,-12}  {row.Counts.PadRight(countWidth)}  {row.Title}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var id = new Argument<string>("KEY[@VERSION]") { Description = "The methodology; the latest version when no version is given." };
        var org = OrgOption("Look among this organization's methodologies too (slug).");
        var language = LanguageOption();
        var command = new Command("show", "Print a methodology's structure, answer sets, tier rules and decisions.") { id, org, language };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            await using var session = await Session.OpenAsync(configuration, parse.GetValue(org), io, cancellationToken);
            if (session is null)
            {
                return ExitCodes.Failure;
            }

            var found = MethodologyRegistry.Find(await session.AvailableAsync(cancellationToken), parse.GetValue(id)!);
            if (found is null)
            {
                return io.Fail($"KEY[@VERSION]: no methodology '{parse.GetValue(id)}'; see `rightscope methodology list`.");
            }

            MethodologyPrinter.Print(found.Methodology, parse.GetValue(language)!, io.Out);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Add(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The methodology file (YAML) to add." };
        var org = new Option<string>("--org") { Description = "The organization that adds it (slug).", Required = true };
        var command = new Command("add", "Validate a methodology and make it available to one organization. A version, once added, never changes.") { file, org };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return io.Fail($"FILE: {path.FullName} does not exist.");
            }

            var text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            var parsed = MethodologyLoader.Parse(text, path.Name, requireAllLanguages: false);
            if (!parsed.Succeeded)
            {
                foreach (var error in parsed.Errors)
                {
                    io.Error.WriteLine(error.ToString());
                }

                return io.Fail($"{path.Name} is not a valid methodology; nothing was added.");
            }

            await using var session = await Session.OpenAsync(configuration, parse.GetValue(org), io, cancellationToken);
            if (session is null)
            {
                return ExitCodes.Failure;
            }

            var methodology = parsed.Value!;
            if (session.Registry.Shipped.Methodologies.Any(m => m.Key == methodology.Key))
            {
                return io.Fail($"{path.Name}: key '{methodology.Key}' belongs to a shipped methodology; choose another key.");
            }

            var db = session.Db;
            if (await db.OrganizationMethodologies.AnyAsync(m => m.Key == methodology.Key && m.Version == methodology.Version, cancellationToken))
            {
                return io.Fail($"{path.Name}: {methodology.Id} was already added to {session.OrganizationSlug}; publish a new version instead.");
            }

            var hash = MethodologyRegistry.Hash(text);
            db.OrganizationMethodologies.Add(new OrganizationMethodology
            {
                OrganizationId = session.OrganizationId!.Value,
                Key = methodology.Key,
                Version = methodology.Version,
                FileName = path.Name,
                Content = text,
                ContentHash = hash,
                AddedAt = session.Clock.GetUtcNow().UtcDateTime,
            });
            await session.Audit.SaveChangesAsync(
                new AuditRecord(session.OrganizationId, AuditActor.CommandLine(), "methodology.added", "methodology", methodology.Id, $"{methodology.Id} added from {path.Name} (sha256 {hash[..16]}…)"),
                cancellationToken);
            io.Out.WriteLine($"Added {methodology.Id} ({Counts(methodology)}) to {session.OrganizationSlug}.");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>"3 section · 8 subsection · 48 question": how many nodes each level has.</summary>
    public static string Counts(Methodology methodology)
    {
        return string.Join(" · ", methodology.CountByLevel()
            .Where(l => l.Count > 0)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Count} {l.Level.Key}")));
    }

    private static (IReadOnlyList<CatalogError> Errors, string Description) Describe<T>(LoadResult<T> result, Func<T, string> describe)
        where T : class =>
        (result.Errors, result.Value is null ? "" : describe(result.Value));

    /// <summary>A service scope for one command, entered into an organization when one is named.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly AsyncServiceScope _scope;

        private Session(ServiceProvider services)
        {
            _services = services;
            _scope = services.CreateAsyncScope();
        }

        public RightscopeDbContext Db => _scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();

        public MethodologyRegistry Registry => _scope.ServiceProvider.GetRequiredService<MethodologyRegistry>();

        public AuditTrail Audit => _scope.ServiceProvider.GetRequiredService<AuditTrail>();

        public TimeProvider Clock => _scope.ServiceProvider.GetRequiredService<TimeProvider>();

        public Guid? OrganizationId { get; private set; }

        public string? OrganizationSlug { get; private set; }

        public static async Task<Session?> OpenAsync(IReadOnlyDictionary<string, string?>? configuration, string? slug, CliIo io, CancellationToken cancellationToken)
        {
            var session = new Session(CliServices.Build(configuration));
            if (slug is null)
            {
                return session;
            }

            var organization = await session.Db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
            if (organization is null)
            {
                await session.DisposeAsync();
                io.Fail($"--org: no organization has the slug '{slug}'.");
                return null;
            }

            session._scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization.Id);
            session.OrganizationId = organization.Id;
            session.OrganizationSlug = organization.Slug;
            return session;
        }

        public async Task<IReadOnlyList<AvailableMethodology>> AvailableAsync(CancellationToken cancellationToken) =>
            OrganizationId is null
                ? Registry.Shipped.Methodologies.Select(m => new AvailableMethodology(m, Shipped: true)).ToList()
                : await Registry.AvailableAsync(Db, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await _services.DisposeAsync();
        }
    }
}
