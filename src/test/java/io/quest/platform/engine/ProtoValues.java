package io.quest.platform.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The property values of the resource monitor protocol as plain Java values, the way the engine hands them
 * to a provider: secrets unwrapped to their value, a resource reference as the resource's ID (its URN for a
 * component), an output value as its value. And back: Java maps, lists, strings, numbers and booleans as
 * protobuf {@link Struct}s, with {@link #secret(Object)} for a value the engine marks secret.
 */
final class ProtoValues {

    private ProtoValues() {
    }

    static Map<String, Object> toJava(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((key, value) -> out.put(key, toJava(value)));
        return out;
    }

    static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            // A number is a double, as the SDK's own deserializer gives it to mocks.
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case LIST_VALUE -> toJava(value.getListValue());
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static List<Object> toJava(ListValue list) {
        List<Object> out = new ArrayList<>();
        list.getValuesList().forEach(v -> out.add(toJava(v)));
        return out;
    }

    private static Object special(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value sig = fields.get(Constants.SpecialSigKey);
        if (sig == null) {
            return toJava(struct);
        }
        String kind = sig.getStringValue();
        if (Constants.SpecialSecretSig.equals(kind) || Constants.SpecialOutputSig.equals(kind)) {
            return fields.containsKey(Constants.SecretValueName) ? toJava(fields.get(Constants.SecretValueName)) : null;
        }
        if (Constants.SpecialResourceSig.equals(kind)) {
            String id = fields.containsKey(Constants.ResourceIdName) ? fields.get(Constants.ResourceIdName).getStringValue() : "";
            return id.isEmpty() ? fields.get(Constants.ResourceUrnName).getStringValue() : id;
        }
        return toJava(struct);
    }

    /** Whether the program sent a value as a secret (a secret, or an output value marked secret). */
    static boolean isSecret(Value value) {
        if (!value.hasStructValue()) {
            return false;
        }
        Map<String, Value> fields = value.getStructValue().getFieldsMap();
        Value sig = fields.get(Constants.SpecialSigKey);
        if (sig == null) {
            return false;
        }
        return Constants.SpecialSecretSig.equals(sig.getStringValue())
                || Constants.SpecialOutputSig.equals(sig.getStringValue())
                && fields.containsKey(Constants.SecretName) && fields.get(Constants.SecretName).getBoolValue();
    }

    static Struct toStruct(Map<String, ?> map) {
        Struct.Builder out = Struct.newBuilder();
        map.forEach((key, value) -> out.putFields(key, toValue(value)));
        return out.build();
    }

    /** A value the engine sends as a secret: wrapped in the secret signature. */
    static Value secret(Object value) {
        return Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields(Constants.SpecialSigKey, Value.newBuilder().setStringValue(Constants.SpecialSecretSig).build())
                .putFields(Constants.SecretValueName, toValue(value))).build();
    }

    static Value toValue(Object value) {
        if (value instanceof Value v) {
            return v;
        }
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (value instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return Value.newBuilder().setStructValue(toStruct(copy)).build();
        }
        if (value instanceof Collection<?> c) {
            ListValue.Builder list = ListValue.newBuilder();
            c.forEach(item -> list.addValues(toValue(item)));
            return Value.newBuilder().setListValue(list).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(value)).build();
    }
}
