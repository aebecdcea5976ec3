"""Pure functions that compute what each page shows (frames, chart specs, labels); pages only compose st.* calls."""
