using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Rightscope.Features.Remedy;

/// <summary>What a public post is for: each has its own per-channel budget, so replies cannot crowd out new reports.</summary>
public enum PublicPostKind
{
    Submit,
    FollowUp,
}

/// <summary>
/// The in-memory limits of the public channel's posts (DESIGN §9.8), asked by the page handlers, which run only after
/// Razor Pages has validated the anti-forgery token: a post without a valid token never spends anything. First tier:
/// a small bucket per form token (keyed by a hash of the anti-forgery request token — no address, nothing that
/// identifies a person); second tier: a higher ceiling per channel, with separate budgets for submissions and
/// follow-ups.
/// </summary>
public sealed class PublicChannelLimiter : IDisposable
{
    /// <summary>Posts one form token may make per minute.</summary>
    public const int PostsPerFormTokenPerMinute = 10;

    private readonly PartitionedRateLimiter<string> _perToken;
    private readonly PartitionedRateLimiter<string> _perChannel;

    public PublicChannelLimiter(RemedySettings settings)
    {
        _perToken = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(PostsPerFormTokenPerMinute)));
        _perChannel = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(settings.PostsPerChannelPerMinute)));
    }

    /// <summary>Whether this post may go on; false means "try again in a minute" (429).</summary>
    public bool TryAcquire(HttpRequest request, Guid channelId, PublicPostKind kind)
    {
        using var perToken = _perToken.AttemptAcquire(FormTokenHash(request));
        if (!perToken.IsAcquired)
        {
            return false;
        }

        using var perChannel = _perChannel.AttemptAcquire($"{channelId:N}/{kind}");
        return perChannel.IsAcquired;
    }

    public void Dispose()
    {
        _perToken.Dispose();
        _perChannel.Dispose();
    }

    /// <summary>The key of a post's form-token tier: a hash of its anti-forgery request token (nothing about the person).</summary>
    public static string FormTokenHash(HttpRequest request)
    {
        var token = request.HasFormContentType ? request.Form["__rs_af"].ToString() : "";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
