using System.Net;
using System.Net.Sockets;

namespace DaiChain.Node.Rpc.RateLimiting;

/// <summary>
/// A token bucket per client address: <c>rate</c> tokens per second, at most <c>burst</c> saved up; each
/// request takes one token. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// Clients are keyed by IPv4 address, or by IPv6 /64 (one host usually owns a whole /64, so per-address
/// buckets would be trivially evaded). The table is bounded: when full, buckets that have refilled completely
/// are dropped (a full bucket is the same as a new one, so nothing is forgotten); if none has, new clients
/// share one overflow bucket until some do.
/// </remarks>
internal sealed class ClientRateLimiter
{
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private readonly int _maxClients;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<UInt128, Bucket> _buckets = [];
    private readonly Bucket _overflow;

    public ClientRateLimiter(double ratePerSecond, int burst, int maxClients, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxClients);
        _ratePerSecond = ratePerSecond;
        _burst = burst;
        _maxClients = maxClients;
        _time = time;
        _overflow = new Bucket(_burst, time.GetTimestamp());
    }

    public bool Enabled => _ratePerSecond > 0;

    /// <summary>Number of client buckets held (for tests and diagnostics).</summary>
    public int TrackedClients
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="tokens"/> from the client's bucket if it holds that many; otherwise takes none and
    /// says how long until it will.
    /// </summary>
    public bool TryAcquire(IPAddress? client, int tokens, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!Enabled)
        {
            return true;
        }

        var now = _time.GetTimestamp();
        var key = Key(client);
        lock (_gate)
        {
            var bucket = Find(key, now);
            Refill(bucket, now);
            if (bucket.Tokens >= tokens)
            {
                bucket.Tokens -= tokens;
                return true;
            }

            // A request larger than the whole bucket can never pass; tell the client when the bucket is full.
            var missing = Math.Min(tokens, _burst) - bucket.Tokens;
            retryAfter = TimeSpan.FromSeconds(Math.Max(missing, 0) / _ratePerSecond);
            return false;
        }
    }

    private Bucket Find(UInt128 key, long now)
    {
        if (_buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        if (_buckets.Count >= _maxClients)
        {
            foreach (var (idleKey, idle) in _buckets)
            {
                Refill(idle, now);
                if (idle.Tokens >= _burst)
                {
                    _buckets.Remove(idleKey);
                }
            }

            if (_buckets.Count >= _maxClients)
            {
                return _overflow;
            }
        }

        bucket = new Bucket(_burst, now);
        _buckets.Add(key, bucket);
        return bucket;
    }

    private void Refill(Bucket bucket, long now)
    {
        var elapsed = _time.GetElapsedTime(bucket.Updated, now);
        if (elapsed > TimeSpan.Zero)
        {
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + (elapsed.TotalSeconds * _ratePerSecond));
            bucket.Updated = now;
        }
    }

    private static UInt128 Key(IPAddress? address)
    {
        if (address is null)
        {
            return UInt128.Zero;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes[12..], out _);
            bytes[0] = 4;
            return new UInt128(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..]));
        }

        address.TryWriteBytes(bytes, out _);
        // Keep the /64 network prefix only.
        return new UInt128(BitConverter.ToUInt64(bytes[..8]), 6);
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; set; } = updated;
    }
}
