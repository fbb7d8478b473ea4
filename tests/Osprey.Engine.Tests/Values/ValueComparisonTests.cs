using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Tests.Values;

public class ValueComparisonTests
{
    [Fact]
    public void Numeric_equality_promotes_int()
    {
        Assert.True(ValueComparison.AreEqual(WdlInt.Of(1), WdlFloat.Of(1.0)));
        Assert.False(ValueComparison.AreEqual(WdlInt.Of(1), WdlFloat.Of(1.5)));
    }

    [Fact]
    public void Mixed_primitives_compare_as_strings()
    {
        Assert.True(ValueComparison.AreEqual(WdlBoolean.True, WdlString.Of("true")));
        Assert.False(ValueComparison.AreEqual(WdlInt.Of(1), WdlBoolean.True));
        Assert.True(ValueComparison.AreEqual(WdlFile.Of("/p"), WdlString.Of("/p")));
    }

    [Fact]
    public void None_equals_only_none()
    {
        Assert.True(ValueComparison.AreEqual(WdlNone.Instance, WdlNone.Instance));
        Assert.False(ValueComparison.AreEqual(WdlNone.Instance, WdlInt.Of(0)));
    }

    [Fact]
    public void Compound_equality_is_ordered_and_elementwise()
    {
        var ints = WdlArray.Create(WdlType.Int, WdlInt.Of(1), WdlInt.Of(2));
        var floats = WdlArray.Create(WdlType.Float, WdlFloat.Of(1), WdlFloat.Of(2));
        Assert.True(ValueComparison.AreEqual(ints, floats));
        Assert.False(ValueComparison.AreEqual(ints, WdlArray.Create(WdlType.Int, WdlInt.Of(2), WdlInt.Of(1))));
        Assert.False(ValueComparison.AreEqual(ints, WdlArray.Create(WdlType.Int, WdlInt.Of(1))));
        Assert.False(ValueComparison.AreEqual(ints, WdlPair.Create(WdlInt.Of(1), WdlInt.Of(2))));
    }

    [Fact]
    public void Ordering_of_primitives()
    {
        Assert.True(ValueComparison.Compare(WdlInt.Of(1), WdlFloat.Of(1.5)) < 0);
        Assert.True(ValueComparison.Compare(WdlString.Of("a"), WdlString.Of("b")) < 0);
        Assert.True(ValueComparison.Compare(WdlBoolean.False, WdlBoolean.True) < 0);
        // Code-point order: U+1F600 (a surrogate pair) sorts after U+FFFD, unlike UTF-16 order.
        Assert.True(ValueComparison.Compare(WdlString.Of("\uFFFD"), WdlString.Of("\U0001F600")) < 0);
        Assert.Throws<WdlValueException>(() => ValueComparison.Compare(WdlArray.Empty(WdlType.Int), WdlInt.Of(1)));
    }
}
