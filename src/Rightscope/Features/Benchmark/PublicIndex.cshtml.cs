using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Rightscope.Features.Benchmark;

/// <summary>Every published benchmark edition of every organization; no sign-in.</summary>
[AllowAnonymous]
public sealed class PublicIndexModel(PublicBenchmark benchmark) : PageModel
{
    public IReadOnlyList<PublicEdition> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Editions = await benchmark.PublishedAsync(cancellationToken);
}
