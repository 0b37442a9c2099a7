//! `#[derive(Json)]`: writes `crate::json::FromJson` and `crate::json::ToJson` for a record
//! of Sales Playbook, in the JSON layout serde's derive would give it.
//!
//! Why not serde: serde's generic visitors made up 14 % of the app's wasm, more than any
//! screen; the code generated here reads from one parsed `Value` type and writes to one
//! writer, so each record costs a few straight-line functions.
//!
//! Attributes, `#[json(...)]`, with serde's names and meaning:
//! - container: `default`, `rename_all = "snake_case"`, `tag = "type"`, `content = "value"`;
//! - field: `default`, `default = "path"`, `rename = "name"`, `skip_serializing_if = "path"`;
//! - variant: `rename = "name"`, `other` (the fallback for a name this version does not know).
//!
//! Shapes: structs with named fields, newtype structs (written as their field), and enums
//! that are unit-only (a string), externally tagged (`{"name": value}`), internally tagged
//! (`tag`) or adjacently tagged (`tag` and `content`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{
    parse_macro_input, Data, DeriveInput, Error, Fields, GenericParam, Ident, LitStr, Path, Result,
};

#[proc_macro_derive(Json, attributes(json))]
pub fn derive_json(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(Error::into_compile_error)
        .into()
}

#[derive(Default)]
struct Attrs {
    default: bool,
    default_fn: Option<Path>,
    rename: Option<String>,
    rename_all: bool,
    tag: Option<String>,
    content: Option<String>,
    skip_if: Option<Path>,
    other: bool,
}

fn attrs(list: &[syn::Attribute]) -> Result<Attrs> {
    let mut a = Attrs::default();
    for attr in list.iter().filter(|a| a.path().is_ident("json")) {
        attr.parse_nested_meta(|meta| {
            let text = || -> Result<String> { Ok(meta.value()?.parse::<LitStr>()?.value()) };
            if meta.path.is_ident("default") {
                if meta.input.peek(syn::Token![=]) {
                    a.default_fn = Some(meta.value()?.parse::<LitStr>()?.parse()?);
                } else {
                    a.default = true;
                }
            } else if meta.path.is_ident("rename") {
                a.rename = Some(text()?);
            } else if meta.path.is_ident("rename_all") {
                if text()? != "snake_case" {
                    return Err(meta.error("only rename_all = \"snake_case\" is supported"));
                }
                a.rename_all = true;
            } else if meta.path.is_ident("tag") {
                a.tag = Some(text()?);
            } else if meta.path.is_ident("content") {
                a.content = Some(text()?);
            } else if meta.path.is_ident("skip_serializing_if") {
                a.skip_if = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if meta.path.is_ident("other") {
                a.other = true;
            } else {
                return Err(meta.error("unknown json attribute"));
            }
            Ok(())
        })?;
    }
    Ok(a)
}

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn expand(input: &DeriveInput) -> Result<TokenStream> {
    let container = attrs(&input.attrs)?;
    let name = &input.ident;
    let (read, write, members) = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => {
                let expected = format!("struct {name}");
                let build = read_fields(quote!(Self), fields, container.default, true)?;
                let members = write_fields(fields, |f| quote!(&self.#f))?;
                (
                    quote! {
                        let m = crate::json::de::object(v, #expected)?;
                        #build
                    },
                    quote! {
                        w.begin_object();
                        crate::json::ToJson::write_members(self, w);
                        w.end_object();
                    },
                    Some(members),
                )
            }
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => (
                quote!(Ok(Self(crate::json::FromJson::from_json(v)?))),
                quote!(crate::json::ToJson::write_json(&self.0, w);),
                None,
            ),
            _ => return Err(Error::new_spanned(name, "Json: unsupported struct shape")),
        },
        Data::Enum(data) => expand_enum(name, &container, data)?,
        Data::Union(_) => return Err(Error::new_spanned(name, "Json: unions are not supported")),
    };

    let mut from_generics = input.generics.clone();
    let mut to_generics = input.generics.clone();
    for param in from_generics.params.iter_mut() {
        if let GenericParam::Type(t) = param {
            t.bounds.push(syn::parse_quote!(crate::json::FromJson));
        }
    }
    for param in to_generics.params.iter_mut() {
        if let GenericParam::Type(t) = param {
            t.bounds.push(syn::parse_quote!(crate::json::ToJson));
        }
    }
    if container.default && !input.generics.params.is_empty() {
        let (_, ty, _) = input.generics.split_for_impl();
        from_generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(#name #ty: ::core::default::Default));
    }
    let (from_impl, ty, from_where) = from_generics.split_for_impl();
    let (to_impl, _, to_where) = to_generics.split_for_impl();
    let members = members.map(|body| {
        quote! {
            fn write_members(&self, w: &mut crate::json::Writer) { #body }
        }
    });
    Ok(quote! {
        impl #from_impl crate::json::FromJson for #name #ty #from_where {
            fn from_json(v: &crate::json::Value) -> ::core::result::Result<Self, crate::json::Error> {
                #read
            }
        }
        impl #to_impl crate::json::ToJson for #name #ty #to_where {
            fn write_json(&self, w: &mut crate::json::Writer) { #write }
            #members
        }
    })
}

/// `Ok(<ctor> { field: <read from m>, ... })`.
fn read_fields(
    ctor: TokenStream,
    fields: &syn::FieldsNamed,
    container_default: bool,
    is_struct: bool,
) -> Result<TokenStream> {
    let mut inits = Vec::new();
    let mut defaults = Vec::new();
    for (i, f) in fields.named.iter().enumerate() {
        let ident = f.ident.as_ref().expect("named field");
        let a = attrs(&f.attrs)?;
        let key = a.rename.clone().unwrap_or_else(|| ident.to_string());
        let fallback = format_ident!("__d{i}");
        defaults.push(quote!(#ident: #fallback));
        let at = quote!(crate::json::de::field_opt(m, #key)?);
        let value = if let Some(path) = &a.default_fn {
            quote!(match #at { Some(v) => v, None => #path() })
        } else if a.default {
            quote!(#at.unwrap_or_default())
        } else if container_default {
            quote!(match #at { Some(v) => v, None => #fallback })
        } else {
            quote!(crate::json::de::field(m, #key)?)
        };
        inits.push(quote!(#ident: #value));
    }
    let fallbacks = (container_default && is_struct).then(
        || quote!(let Self { #(#defaults),* } = <Self as ::core::default::Default>::default();),
    );
    Ok(quote! {
        #fallbacks
        Ok(#ctor { #(#inits),* })
    })
}

/// The members of named fields; `access(field)` is an expression of a reference to it.
fn write_fields(
    fields: &syn::FieldsNamed,
    access: impl Fn(&Ident) -> TokenStream,
) -> Result<TokenStream> {
    let mut out = Vec::new();
    for f in &fields.named {
        let ident = f.ident.as_ref().expect("named field");
        let a = attrs(&f.attrs)?;
        let key = a.rename.clone().unwrap_or_else(|| ident.to_string());
        let field = access(ident);
        let write = quote! {
            w.key(#key);
            crate::json::ToJson::write_json(#field, w);
        };
        out.push(match &a.skip_if {
            Some(path) => quote!(if !#path(#field) { #write }),
            None => write,
        });
    }
    Ok(quote!(#(#out)*))
}

fn expand_enum(
    name: &Ident,
    container: &Attrs,
    data: &syn::DataEnum,
) -> Result<(TokenStream, TokenStream, Option<TokenStream>)> {
    let expected = format!("enum {name}");
    let mut names = Vec::new();
    let mut reads = Vec::new();
    let mut writes = Vec::new();
    let mut other = None;
    let unit_only = data
        .variants
        .iter()
        .all(|v| matches!(v.fields, Fields::Unit));
    for v in &data.variants {
        let a = attrs(&v.attrs)?;
        let ident = &v.ident;
        if a.other {
            other = Some(ident.clone());
        }
        let wire = a.rename.clone().unwrap_or_else(|| {
            if container.rename_all {
                snake_case(&ident.to_string())
            } else {
                ident.to_string()
            }
        });
        names.push(wire.clone());
        let (read, write) = match (&v.fields, &container.tag, &container.content) {
            (Fields::Unit, None, _) if unit_only => {
                (quote!(Ok(Self::#ident)), quote!(w.string(#wire);))
            }
            // Beside data variants, a unit variant is its name, or `{"name": null}`.
            (Fields::Unit, None, _) => (
                quote! {
                    match inner {
                        None | Some(crate::json::Value::Null) => Ok(Self::#ident),
                        Some(inner) => Err(crate::json::de::invalid_type(inner, "null")),
                    }
                },
                quote!(w.string(#wire);),
            ),
            (Fields::Unit, Some(tag), _) => (
                quote!(Ok(Self::#ident)),
                quote! { w.begin_object(); w.key(#tag); w.string(#wire); w.end_object(); },
            ),
            // Externally tagged: `{"name": value}`.
            (Fields::Unnamed(f), None, _) if f.unnamed.len() == 1 => (
                quote! {
                    match inner {
                        Some(inner) => Ok(Self::#ident(
                            crate::json::FromJson::from_json(inner).map_err(|e| e.at(#wire))?,
                        )),
                        None => Err(crate::json::de::invalid_type(v, "a map of one member")),
                    }
                },
                quote! {
                    Self::#ident(inner) => {
                        w.begin_object();
                        w.key(#wire);
                        crate::json::ToJson::write_json(inner, w);
                        w.end_object();
                    }
                },
            ),
            // Internally tagged newtype: the inner record's members beside the tag.
            (Fields::Unnamed(f), Some(tag), None) if f.unnamed.len() == 1 => (
                quote!(Ok(Self::#ident(crate::json::FromJson::from_json(v)?))),
                quote! {
                    Self::#ident(inner) => {
                        w.begin_object();
                        w.key(#tag);
                        w.string(#wire);
                        crate::json::ToJson::write_members(inner, w);
                        w.end_object();
                    }
                },
            ),
            // Adjacently tagged newtype: `{"type": name, "value": value}`.
            (Fields::Unnamed(f), Some(tag), Some(content)) if f.unnamed.len() == 1 => (
                quote! {
                    Ok(Self::#ident(crate::json::de::field(m, #content)?))
                },
                quote! {
                    Self::#ident(inner) => {
                        w.begin_object();
                        w.key(#tag);
                        w.string(#wire);
                        w.key(#content);
                        crate::json::ToJson::write_json(inner, w);
                        w.end_object();
                    }
                },
            ),
            (Fields::Named(fields), Some(tag), content) => {
                let idents: Vec<_> = fields.named.iter().map(|f| f.ident.clone()).collect();
                let build = read_fields(quote!(Self::#ident), fields, false, false)?;
                let members = write_fields(fields, |f| quote!(#f))?;
                match content {
                    None => (
                        build,
                        quote! {
                            Self::#ident { #(#idents),* } => {
                                w.begin_object();
                                w.key(#tag);
                                w.string(#wire);
                                #members
                                w.end_object();
                            }
                        },
                    ),
                    Some(content) => (
                        quote! {{
                            let m = crate::json::de::field::<crate::json::Value>(m, #content)?;
                            let m = crate::json::de::object(&m, #expected)
                                .map_err(|e| e.at(#content))?;
                            #build
                        }},
                        quote! {
                            Self::#ident { #(#idents),* } => {
                                w.begin_object();
                                w.key(#tag);
                                w.string(#wire);
                                w.key(#content);
                                w.begin_object();
                                #members
                                w.end_object();
                                w.end_object();
                            }
                        },
                    ),
                }
            }
            _ => return Err(Error::new_spanned(ident, "Json: unsupported variant shape")),
        };
        reads.push(quote!(#wire => #read,));
        writes.push(match &v.fields {
            Fields::Unit => quote!(Self::#ident => { #write }),
            _ => write,
        });
    }
    let unknown = match other {
        Some(ident) => quote!(_ => Ok(Self::#ident),),
        None => quote!(name => Err(crate::json::de::unknown_variant(name, &[#(#names),*])),),
    };
    let read = match (&container.tag, unit_only) {
        (None, true) => quote! {
            match crate::json::de::name(v, #expected)? { #(#reads)* #unknown }
        },
        (None, false) => quote! {
            let (name, inner) = crate::json::de::external(v, #expected)?;
            match name { #(#reads)* #unknown }
        },
        (Some(tag), _) => quote! {
            let m = crate::json::de::object(v, #expected)?;
            match crate::json::de::tag(m, #tag)? { #(#reads)* #unknown }
        },
    };
    let write = quote! {
        match self { #(#writes)* }
    };
    Ok((read, write, None))
}
