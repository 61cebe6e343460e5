namespace Rightscope.Features.Remedy;

/// <summary>
/// The bounded queue every receipt derivation goes through (DESIGN §8, §9.8): at most
/// <see cref="RemedySettings.MaxConcurrentDerivations"/> Argon2id runs at once, so memory stays bounded, and at most
/// <see cref="RemedySettings.MaxWaitingDerivations"/> waiting; beyond that the caller is told at once to come back
/// later instead of piling up until requests time out.
/// </summary>
public sealed class KeyDerivationQueue(RemedySettings settings)
{
    private readonly SemaphoreSlim _running = new(settings.MaxConcurrentDerivations, settings.MaxConcurrentDerivations);
    private readonly int _capacity = settings.MaxConcurrentDerivations + settings.MaxWaitingDerivations;
    private int _admitted;

    /// <summary>Runs <paramref name="derive"/> when a slot is free; false, without running it, when the queue is full.</summary>
    public async Task<(bool Admitted, T? Result)> TryRunAsync<T>(Func<T> derive, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            return (false, default);
        }

        try
        {
            await _running.WaitAsync(cancellationToken);
            try
            {
                return (true, derive());
            }
            finally
            {
                _running.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }
}
