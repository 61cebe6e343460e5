using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Organizations;
using Rightscope.Data;

namespace Rightscope.Cli;

/// <summary><c>rightscope org list</c>.</summary>
public static class OrgCommands
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Command("org", "Organizations.");
        var list = new Command("list", "List organizations: slug, kind, members, name.");
        list.SetAction(async (_, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var rows = await db.Organizations.AsNoTracking()
                .OrderBy(o => o.Slug)
                .Select(o => new { o.Slug, o.Kind, o.Name, Members = db.Memberships.IgnoreQueryFilters().Count(m => m.OrganizationId == o.Id) })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                io.Out.WriteLine("No organizations yet. Create one with `rightscope admin create` or on the first-run page.");
                return ExitCodes.Success;
            }

            var slugWidth = Math.Max(4, rows.Max(r => r.Slug.Length));
            io.Out.WriteLine($"{"SLUG".PadRight(slugWidth)}  {"KIND",-14}  {"MEMBERS",7}  NAME");
            foreach (var row in rows)
            {
                io.Out.WriteLine($"{row.Slug.PadRight(slugWidth)}  {row.Kind.ToCode(),-14}  {row.Members,7}  {row.Name}");
            }

            return ExitCodes.Success;
        }));
        org.Subcommands.Add(list);
        return org;
    }
}
