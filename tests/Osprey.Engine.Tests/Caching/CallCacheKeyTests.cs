using Osprey.Engine.Caching;
using Osprey.Engine.Values;

namespace Osprey.Engine.Tests.Caching;

public class CallCacheKeyTests
{
    private static CallCacheKey Key(string file, string command = "echo hi", string? image = null, long cpu = 1, bool failOnStderr = false) =>
        CallCacheKey.Create("task t { ... }", command,
            new Dictionary<string, WdlValue> { ["f"] = WdlFile.Of(file), ["n"] = WdlInt.Of(3) },
            image,
            new Dictionary<string, WdlValue> { ["cpu"] = WdlInt.Of(cpu), ["failOnStderr"] = WdlBoolean.Of(failOnStderr) },
            new FileDigests(new InMemoryDigestMemo()));

    [Fact]
    public void Equal_calls_have_equal_keys_and_resources_do_not_count()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("in.txt", "data");
        Assert.Equal(Key(file).Hash, Key(file, cpu: 8).Hash);
        Assert.Empty(Key(file, cpu: 8).Differences(Key(file)));
    }

    [Fact]
    public void Each_difference_is_named()
    {
        using var temp = new TempDirectory();
        string file = temp.Write("in.txt", "data");
        var earlier = Key(file);

        temp.Write("in.txt", "DATA");
        Assert.Equal(["input:f"], Key(file).Differences(earlier));
        Assert.Equal(["command", "input:f"], Key(file, command: "echo bye").Differences(earlier));
        Assert.Equal(["image", "input:f", "runtime:failOnStderr"], Key(file, image: "ubuntu:22.04", failOnStderr: true).Differences(earlier));
    }

    [Fact]
    public void A_key_survives_a_round_trip_through_its_components()
    {
        using var temp = new TempDirectory();
        var key = Key(temp.Write("in.txt", "data"));
        var again = CallCacheKey.FromComponents(key.Components);
        Assert.Equal(key.Hash, again.Hash);
        Assert.Contains("file:sha256:", key.Components["input:f"]);
    }
}
