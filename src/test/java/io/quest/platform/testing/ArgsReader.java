package io.quest.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.asset.AssetOrArchive;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import io.quest.platform.plan.Project;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads inputs as the engine received them back into a provider's args class: each {@code @Import(name = ...)}
 * field from the input of that name, converted to the field's type (strings, numbers, booleans, lists, maps,
 * nested args, {@code Either}s and the provider's enums, the shapes pulumi-aws 6.x args use). Secret inputs,
 * masked as {@code "[secret]"}, become secret outputs; assets and archives are not recorded and read as absent.
 * A provider resource's inputs (which the engine receives as strings, objects and lists as JSON text) are read too.
 */
final class ArgsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArgsReader() {
    }

    static <A> A read(Class<A> type, Map<String, Object> inputs, String where) {
        A instance = instantiate(type, where);
        for (Field field : type.getDeclaredFields()) {
            Import property = field.getAnnotation(Import.class);
            if (property == null || !inputs.containsKey(property.name()) || inputs.get(property.name()) == null) {
                continue;
            }
            String path = where + "." + property.name();
            field.setAccessible(true);
            try {
                field.set(instance, convert(inputs.get(property.name()), field.getGenericType(), path));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(path + ": cannot set " + type.getName() + "." + field.getName(), e);
            }
        }
        return instance;
    }

    private static <A> A instantiate(Class<A> type, String where) {
        try {
            Constructor<A> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException(where + ": " + type.getName() + " is not an args class with a no-argument constructor", e);
        }
    }

    private static Object convert(Object raw, Type type, String path) {
        Class<?> rawType = rawClass(type);
        if (rawType == Output.class) {
            Type inner = argument(type, 0);
            if (Project.SECRET.equals(raw)) {
                return Output.ofNullable(rawClass(inner) == String.class ? Project.SECRET : null).asSecret();
            }
            return Output.ofNullable(raw == null ? null : convert(raw, inner, path));
        }
        if (raw == null) {
            return null;
        }
        if (raw instanceof String text && rawType != String.class && rawType != Either.class && !rawType.isEnum()) {
            // A provider's own inputs reach the engine as strings, objects and lists as JSON text.
            raw = json(text, path);
        }
        if (rawType == String.class) {
            return expect(raw, String.class, path);
        }
        if (rawType == Integer.class) {
            return expect(raw, Number.class, path).intValue();
        }
        if (rawType == Double.class) {
            return expect(raw, Number.class, path).doubleValue();
        }
        if (rawType == Boolean.class) {
            return expect(raw, Boolean.class, path);
        }
        if (rawType == List.class) {
            List<Object> out = new ArrayList<>();
            List<?> items = expect(raw, List.class, path);
            for (int i = 0; i < items.size(); i++) {
                out.add(convert(items.get(i), argument(type, 0), path + "[" + i + "]"));
            }
            return out;
        }
        if (rawType == Map.class) {
            Map<String, Object> out = new LinkedHashMap<>();
            expect(raw, Map.class, path).forEach((k, v) -> out.put(String.valueOf(k), convert(v, argument(type, 1), path + "." + k)));
            return out;
        }
        if (rawType == Either.class) {
            Type left = argument(type, 0);
            if (rawClass(left).isInstance(raw)) {
                return Either.ofLeft(raw);
            }
            return Either.ofRight(convert(raw, argument(type, 1), path));
        }
        if (rawType.isEnum()) {
            return enumConstant(rawType, raw, path);
        }
        if (AssetOrArchive.class.isAssignableFrom(rawType)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) expect(raw, Map.class, path);
        return read(rawType, nested, path);
    }

    private static Object json(String text, String path) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + ": expected a value in JSON, got " + text, e);
        }
    }

    /** A provider enum constant by the value it sends ({@code getValue()}), or by its name. */
    private static Object enumConstant(Class<?> type, Object raw, String path) {
        for (Object constant : type.getEnumConstants()) {
            Object value;
            try {
                value = type.getMethod("getValue").invoke(constant);
            } catch (ReflectiveOperationException e) {
                value = ((Enum<?>) constant).name();
            }
            if (String.valueOf(value).equals(String.valueOf(raw)) || ((Enum<?>) constant).name().equals(raw)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(path + ": " + raw + " is not a value of " + type.getName());
    }

    private static <T> T expect(Object raw, Class<T> type, String path) {
        if (!type.isInstance(raw)) {
            throw new IllegalArgumentException(path + ": expected " + type.getSimpleName() + ", got " + raw.getClass().getSimpleName() + " " + raw);
        }
        return type.cast(raw);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
