namespace Rightscope.Features.Remedy;

/// <summary>
/// The slowdown after wrong receipts on the follow-up page (DESIGN §9.8), kept only in memory and never about a
/// person: no address, no user agent, only a hash of the anti-forgery form token and the channel's id. Asked before
/// the Argon2id derivation, so a refused attempt costs the server nothing; counted after a receipt opened no case
/// (wrong, unknown and malformed alike — the reporter sees the same answer for each).
/// <para>
/// Two tiers, each a fixed window of <see cref="Window"/> that starts at its first failure:
/// <list type="bullet">
/// <item>per form token: after <see cref="FailuresPerFormToken"/> failures the same form is refused until its window
/// ends. A reporter who mistypes their receipt a few times is slowed, not locked out.</item>
/// <item>per channel: after <see cref="RemedySettings.FailedReceiptsPerChannel"/> failures (default 100) every
/// follow-up of the channel is refused until the window ends — at most 15 minutes. A fresh form token costs an
/// attacker only a page load, so this tier is what bounds guessing.</item>
/// </list>
/// </para>
/// <para>
/// The arithmetic, with the default of 100 failures per 15 minutes per channel: at most 9,600 guesses a day, about
/// 3.5 million a year, against 10^16 possible 16-digit receipts. With C cases in the channel each guess finds one with
/// probability C / 10^16, so a year of guessing at the ceiling finds any case with probability at most
/// 3.5 × 10^6 × C / 10^16 = 3.5 × 10^-10 × C: about 1 in 300,000 for 10,000 cases. The price is that an attacker
/// who spends the budget makes genuine reporters of that channel wait up to 15 minutes (the page says how long);
/// nothing they typed is lost, and nothing else of the site is affected.
/// </para>
/// Memory is bounded: windows that ended are dropped (swept at most once a minute), and at most
/// <see cref="MaxTrackedTokens"/> form tokens are tracked at once — beyond that a new token is counted only in its
/// channel's tier, which still holds.
/// </summary>
public sealed class ReceiptAttempts(RemedySettings settings, TimeProvider clock)
{
    public const int FailuresPerFormToken = 5;

    public const int MaxTrackedTokens = 100_000;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Tally> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Tally> _channels = [];
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>How many windows are kept now (form tokens and channels), for the memory bound.</summary>
    public int Tracked
    {
        get
        {
            lock (_gate)
            {
                Sweep(clock.GetUtcNow(), force: true);
                return _tokens.Count + _channels.Count;
            }
        }
    }

    /// <summary>How long this post must wait when a tier is spent; null when it may try a receipt now.</summary>
    public TimeSpan? RefusedFor(HttpRequest request, Guid channelId)
    {
        var token = PublicChannelLimiter.FormTokenHash(request);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            TimeSpan? wait = null;
            if (_channels.TryGetValue(channelId, out var channel) && channel.Spent(now, settings.FailedReceiptsPerChannel))
            {
                wait = channel.Ends - now;
            }

            if (_tokens.TryGetValue(token, out var perToken) && perToken.Spent(now, FailuresPerFormToken))
            {
                var tokenWait = perToken.Ends - now;
                wait = wait is { } w && w > tokenWait ? w : tokenWait;
            }

            return wait;
        }
    }

    /// <summary>Counts a receipt that opened no case.</summary>
    public void Failed(HttpRequest request, Guid channelId)
    {
        var token = PublicChannelLimiter.FormTokenHash(request);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Sweep(now, force: _tokens.Count >= MaxTrackedTokens);
            Count(_channels, channelId, now);
            if (_tokens.Count < MaxTrackedTokens || _tokens.ContainsKey(token))
            {
                Count(_tokens, token, now);
            }
        }
    }

    private static void Count<TKey>(Dictionary<TKey, Tally> tallies, TKey key, DateTimeOffset now)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally) || tally.Ends <= now)
        {
            tallies[key] = new Tally(now + Window, 1);
        }
        else
        {
            tally.Failures++;
        }
    }

    private void Sweep(DateTimeOffset now, bool force)
    {
        if (!force && now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var key in _tokens.Where(t => t.Value.Ends <= now).Select(t => t.Key).ToList())
        {
            _tokens.Remove(key);
        }

        foreach (var key in _channels.Where(c => c.Value.Ends <= now).Select(c => c.Key).ToList())
        {
            _channels.Remove(key);
        }
    }

    private sealed class Tally(DateTimeOffset ends, int failures)
    {
        public DateTimeOffset Ends { get; } = ends;

        public int Failures { get; set; } = failures;

        public bool Spent(DateTimeOffset now, int budget) => now < Ends && Failures >= budget;
    }
}
