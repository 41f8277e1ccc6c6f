namespace DaiChain.Node.P2P;

/// <summary>
/// Node keys refused until a time, read from the injected <see cref="TimeProvider"/> so tests can expire bans with
/// a manual clock. Bounded: when full, the ban closest to expiry is forgotten to make room.
/// </summary>
internal sealed class BanList
{
    private readonly Dictionary<PeerId, DateTimeOffset> _until = [];
    private readonly TimeProvider _time;
    private readonly int _maxEntries;
    private readonly Lock _gate = new();

    public BanList(TimeProvider time, int maxEntries)
    {
        _time = time;
        _maxEntries = maxEntries;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                Prune(_time.GetUtcNow());
                return _until.Count;
            }
        }
    }

    /// <summary>Bans <paramref name="peer"/> for <paramref name="duration"/> from now; an existing longer ban is kept.</summary>
    public DateTimeOffset Ban(PeerId peer, TimeSpan duration)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var until = now + duration;
            if (_until.TryGetValue(peer, out var existing) && existing >= until)
            {
                return existing;
            }

            if (!_until.ContainsKey(peer) && _until.Count >= _maxEntries)
            {
                Prune(now);
                if (_until.Count >= _maxEntries)
                {
                    _until.Remove(_until.MinBy(kv => kv.Value).Key);
                }
            }

            _until[peer] = until;
            return until;
        }
    }

    /// <summary>True, with the expiry, if <paramref name="peer"/> is banned now.</summary>
    public bool IsBanned(PeerId peer, out DateTimeOffset until)
    {
        lock (_gate)
        {
            if (_until.TryGetValue(peer, out until))
            {
                if (until > _time.GetUtcNow())
                {
                    return true;
                }

                _until.Remove(peer);
            }

            until = default;
            return false;
        }
    }

    public void Unban(PeerId peer)
    {
        lock (_gate)
        {
            _until.Remove(peer);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var expired in _until.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList())
        {
            _until.Remove(expired);
        }
    }
}
