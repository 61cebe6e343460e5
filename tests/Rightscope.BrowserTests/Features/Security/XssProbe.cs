using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Rightscope.BrowserTests.Features.Security;

/// <summary>
/// Stores script payloads through the real forms of a signed-in browser (scripts on, CSP on) and checks every page that
/// shows them: nothing ran, nothing was parsed as markup, and the payload reads as the text that was typed.
/// </summary>
public sealed class XssProbe
{
    public static readonly string[] Payloads =
    [
        "<script>window.__xss=1</script>",
        "\"><img src=x onerror=\"window.__xss=1\">",
        "<svg onload=window.__xss=1>",
        "{{constructor.constructor('window.__xss=1')()}}",
        "'><iframe src=javascript:window.__xss=1></iframe>",
    ];

    public const string UrlPayload = "javascript:window.__xss=1";

    // Runs before any page script; records what CSP blocked.
    private const string ViolationRecorder =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";

    private readonly ConcurrentQueue<string> _dialogs = new();
    private readonly string _marker = Guid.NewGuid().ToString("N")[..6];
    private int _count;

    public List<string> Failures { get; } = [];

    /// <summary>Which page was checked for which stored field: the list the brief asks the test to keep.</summary>
    public List<string> Checked { get; } = [];

    public string Marker => _marker;

    public async Task<IPage> OpenAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(ViolationRecorder);
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            _dialogs.Enqueue($"{page.Url}: {dialog.Type} {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>Runs one module's forms; a form the server refuses fails the test at the end, after the other modules ran.</summary>
    public async Task StepAsync(string module, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failures.Add($"{module}: {e.Message}");
        }
    }

    /// <summary>The next payload, made unique so that each stored field can be found again.</summary>
    public string NextPayload() => $"{Payloads[_count % Payloads.Length]} {_marker}-{++_count}";

    /// <summary>
    /// Fills every free-text field of the form that holds <paramref name="anchorField"/> with a payload (or the override),
    /// gives empty dates, numbers, radio groups and selects a plausible value, submits and returns the stored values by
    /// field name. Fails the test with the form's error messages when the server refused it.
    /// </summary>
    public async Task<Dictionary<string, string>> SubmitAsync(IPage page, string anchorField, IReadOnlyDictionary<string, string>? overrides = null, params string[] check)
    {
        var form = page.Locator($"main form[method=post]:has([name=\"{anchorField}\"]), main form[method=POST]:has([name=\"{anchorField}\"])").First;
        await CheckAsync(page, $"the form of {anchorField}");
        var names = await form.Locator("input:not([type]), input[type=text], input[type=url], input[type=search], textarea")
            .EvaluateAllAsync<string[]>("fields => fields.filter(f => !f.disabled && !f.readOnly && f.getClientRects().length > 0).map(f => f.name)");
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct())
        {
            var value = overrides?.GetValueOrDefault(name) ?? (await IsAddressAsync(form, name) ? UrlPayload : NextPayload());
            await form.Locator($"[name=\"{name}\"]").First.FillAsync(value);
            stored[name] = value;
        }

        // Overrides of fields that are not free text (a year as a number, a hidden value).
        // An empty override leaves a date or select as the page set it.
        foreach (var (name, value) in (overrides ?? new Dictionary<string, string>()).Where(o => !stored.ContainsKey(o.Key) && o.Value.Length > 0))
        {
            var field = form.Locator($"[name=\"{name}\"]").First;
            if (await field.EvaluateAsync<string>("f => f.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(value);
            }
            else
            {
                await field.FillAsync(value);
            }
        }

        // The first box of each group that must have one ticked, where the form offers it.
        foreach (var name in check)
        {
            var boxes = form.Locator($"[name=\"{name}\"]");
            if (await boxes.CountAsync() > 0)
            {
                await boxes.First.CheckAsync();
            }
        }

        await form.EvaluateAsync("""
            (form, kept) => {
                form.noValidate = true;
                const free = field => !kept.includes(field.name);
                for (const field of form.querySelectorAll('input[type=date]')) if (!field.value && free(field)) field.value = '2025-01-15';
                for (const field of form.querySelectorAll('input[type=number]')) if (!field.value && free(field)) field.value = '1';
                const radios = [...form.querySelectorAll('input[type=radio]')];
                for (const name of new Set(radios.map(r => r.name))) {
                    const group = radios.filter(r => r.name === name);
                    const answer = group.find(r => r.value) ?? group[0];
                    if (!group.some(r => r.checked && r.value)) answer.checked = true;
                }
                for (const select of [...form.querySelectorAll('select')].filter(free)) {
                    if (!select.value) { const option = [...select.options].find(o => o.value); if (option) select.value = option.value; }
                }
            }
            """, (overrides ?? new Dictionary<string, string>()).Keys.ToArray());
        var response = await SubmitFormAsync(page, form);
        if (response is { Status: >= 400 } && stored.ContainsValue(UrlPayload))
        {
            // A javascript: address refused is as good as one rendered inert: check the page that echoes it, then store a real one.
            await CheckAsync(page, $"{anchorField} refused with {UrlPayload}");
            var urls = stored.Where(f => f.Value == UrlPayload).ToDictionary(f => f.Key, _ => "https://example.org/evidence");
            return await SubmitAsync(page, anchorField, overrides is null ? urls : new Dictionary<string, string>(overrides.Concat(urls)), check);
        }

        if (response is null || response.Status >= 400)
        {
            var errors = await page.Locator(".field-error, [role=alert]").AllInnerTextsAsync();
            Assert.Fail($"{page.Url}: the form of {anchorField} was refused ({response?.Status}): {string.Join(" | ", errors)}");
        }

        return stored;
    }

    private static async Task<bool> IsAddressAsync(ILocator form, string name) =>
        await form.Locator($"[name=\"{name}\"]").First.GetAttributeAsync("type") == "url"
        || name.EndsWith("Url", StringComparison.Ordinal) || name.EndsWith("Website", StringComparison.Ordinal);

    // The click waits for the navigation it starts to commit; the last main-frame document response is the form's result.
    private static async Task<IResponse?> SubmitFormAsync(IPage page, ILocator form)
    {
        IResponse? last = null;
        void Record(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                last = response;
            }
        }

        page.Response += Record;
        try
        {
            await form.Locator("button[type=submit]").Last.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        finally
        {
            page.Response -= Record;
        }

        return last;
    }

    /// <summary>Opens <paramref name="path"/> (unless it is open) and checks it; <paramref name="shows"/> must read as text there.</summary>
    public async Task CheckPageAsync(IPage page, string path, string what, params string[] shows)
    {
        if (new Uri(page.Url).PathAndQuery != path)
        {
            var response = await page.GotoAsync(path);
            if (response is null || response.Status >= 400)
            {
                Failures.Add($"{path}: {response?.Status}");
                return;
            }
        }

        await CheckAsync(page, what, shows);
    }

    public async Task CheckAsync(IPage page, string what, params string[] shows)
    {
        var path = new Uri(page.Url).PathAndQuery;
        Checked.Add($"{path}: {what}");
        var state = await page.EvaluateAsync<string[]>("""
            () => [
                String(window.__xss),
                (window.__violations || []).join(' | '),
                [...document.querySelectorAll('script:not([src])')].map(s => 'inline script: ' + s.outerHTML.slice(0, 80)).join(' | '),
                [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name + '=' + a.value)).join(' | '),
                [...document.querySelectorAll('[href],[src],[action],[formaction],[data]')]
                    .flatMap(e => ['href', 'src', 'action', 'formaction', 'data'].map(n => e.getAttribute(n) || '').filter(v => /^\s*javascript:/i.test(v)).map(v => e.tagName + ' ' + v))
                    .join(' | '),
                // Text, and the values of the fields an edit page shows it in.
                document.body.textContent + ' ' + [...document.querySelectorAll('input, textarea')].map(f => f.value).join(' '),
            ]
            """);
        if (state[0] != "undefined")
        {
            Failures.Add($"{path}: window.__xss is {state[0]}: a payload ran");
        }

        foreach (var (found, kind) in new[] { (state[1], "CSP violations"), (state[2], "inline scripts"), (state[3], "event handler attributes"), (state[4], "javascript: URLs") })
        {
            if (found.Length > 0)
            {
                Failures.Add($"{path}: {kind}: {found}");
            }
        }

        foreach (var text in shows.Where(text => !state[5].Contains(text, StringComparison.Ordinal)))
        {
            Failures.Add($"{path}: '{text}' ({what}) is not shown as text");
        }

        while (_dialogs.TryDequeue(out var dialog))
        {
            Failures.Add($"a dialog opened: {dialog}");
        }
    }
}
